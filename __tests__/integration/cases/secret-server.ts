// A real server started the way people start theirs: from a directory under $HOME, with secrets on its
// command line. The temp dir stands for $HOME; the process is stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SECRETS = {
  password: 'hunter2',
  apiKey: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  urlPassword: 'Tr0ub4dor3',
} as const;

export interface SecretServer {
  home: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => { res.setHeader('content-type', 'text/html'); res.end('<title>Shop</title>'); });
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

export async function startSecretServer(): Promise<SecretServer> {
  const home = mkdtempSync(join(tmpdir(), 'ld-case-home-'));
  mkdirSync(join(home, 'shop'));
  const script = join(home, 'shop', 'server.js');
  writeFileSync(script, SERVER);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      script,
      '--password',
      SECRETS.password,
      `--api-key=${SECRETS.apiKey}`,
      '--db',
      `postgres://shop:${SECRETS.urlPassword}@127.0.0.1:5432/shop`,
    ],
    { cwd: home, env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim())));
    child.once('exit', (code) => reject(new Error(`secret server exited early (${code})`)));
  });
  return {
    home,
    port,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        process.kill(child.pid!, 'SIGTERM');
        await gone;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Every form a secret could take in an export: as is, JSON-escaped, HTML-escaped, Markdown-escaped. */
export function leaks(text: string, home: string): string[] {
  const found: string[] = Object.values(SECRETS).filter((s) => text.includes(s));
  if (text.includes(home)) found.push(home);
  return found;
}
