/**
 * "Nothing listens yet: how do I start mine here?" — the same entries as startFixes in
 * lib/diagnosis/commands.ts, as argv (or code to paste) so lib/shell can quote them per shell.
 */
import { bareHost, joinHostPort } from './address';
import type { Platform } from '@/lib/diagnosis/types';
import { isPortableWord } from '@/lib/shell/quote';

export type StartCommand =
  | {
      kind: 'argv';
      platform: Platform;
      label: string;
      stack: string | null;
      argv: string[];
      env: Record<string, string>;
    }
  /** Not a command: a line for the user's own code (Express, Go). */
  | {
      kind: 'code';
      platform: Platform;
      label: string;
      stack: string | null;
      language: 'javascript' | 'go';
      code: string;
    };

export interface StartCommandsOptions {
  /** Put this stack's entries first (the program the user is about to start was recognised). */
  prefer?: string | null;
}

/**
 * A command whose words every shell reads alike stays one entry for any platform; one that needs quoting
 * (a space, brackets) becomes one entry per platform, since each shell quotes it its own way — the same
 * split everywhereFixes (lib/diagnosis/fix.ts) makes for the copyable start commands.
 */
function perShellWhereQuoted(c: StartCommand): StartCommand[] {
  if (c.kind !== 'argv' || c.platform !== 'any') return [c];
  if (c.argv.every(isPortableWord) && !c.argv[0]?.includes('=')) return [c];
  return (['linux', 'darwin', 'win32'] as const).map((platform) => ({ ...c, platform }));
}

export function startCommandsFor(
  bindHost: string,
  port: number,
  options: StartCommandsOptions = {},
): StartCommand[] {
  const host = bareHost(bindHost);
  const hp = joinHostPort(host, port);
  const p = String(port);
  const argv = (platform: Platform, label: string, stack: string | null, words: string[]): StartCommand => ({
    kind: 'argv',
    platform,
    label,
    stack,
    argv: words,
    env: {},
  });
  const entries: StartCommand[] = [
    argv('any', 'Django', 'django', ['python', 'manage.py', 'runserver', hp]),
    argv('any', 'Flask', 'flask', ['flask', 'run', '--host', host, '--port', p]),
    argv('any', 'FastAPI (uvicorn)', 'uvicorn', ['uvicorn', 'main:app', '--host', host, '--port', p]),
    {
      kind: 'code',
      platform: 'any',
      label: 'Express / Node http (in your code)',
      stack: 'node-script',
      language: 'javascript',
      code: `app.listen(${port}, ${JSON.stringify(host)})  // or http.createServer(handler).listen(${port}, ${JSON.stringify(host)})`,
    },
    argv('any', 'Next.js', 'next', ['npx', 'next', 'dev', '--hostname', host, '--port', p]),
    argv('any', 'Vite', 'vite', ['npx', 'vite', '--host', host, '--port', p, '--strictPort']),
    argv('linux', 'Static files (Python)', 'python-http-server', [
      'python3',
      '-m',
      'http.server',
      p,
      '--bind',
      host,
    ]),
    argv('darwin', 'Static files (Python)', 'python-http-server', [
      'python3',
      '-m',
      'http.server',
      p,
      '--bind',
      host,
    ]),
    argv('win32', 'Static files (Python)', 'python-http-server', [
      'py',
      '-m',
      'http.server',
      p,
      '--bind',
      host,
    ]),
    argv('any', 'Rails', 'rails', ['bin/rails', 'server', '-b', host, '-p', p]),
    argv('any', 'PHP built-in server', 'php', ['php', '-S', hp]),
    {
      kind: 'code',
      platform: 'any',
      label: 'Go net/http (in your code)',
      stack: null,
      language: 'go',
      code: `http.ListenAndServe(${JSON.stringify(hp)}, nil)`,
    },
    argv('any', 'Spring Boot', 'spring-boot', [
      './mvnw',
      'spring-boot:run',
      `-Dspring-boot.run.arguments=--server.address=${host} --server.port=${port}`,
    ]),
  ];
  const list = entries.flatMap(perShellWhereQuoted);
  if (!options.prefer) return list;
  // A stable partition: the preferred program's entries first, the rest in their usual order.
  return [
    ...list.filter((c) => c.stack === options.prefer),
    ...list.filter((c) => c.stack !== options.prefer),
  ];
}
