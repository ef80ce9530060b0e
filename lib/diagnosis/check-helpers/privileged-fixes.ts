import { shellFix } from '@/lib/diagnosis/fix';
import type { Fix } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import { cmd, join, raw, type RawSnippet } from '@/lib/shell/script';

/** Runtimes a capability can be given to, by the program name that runs the server. */
const RUNTIMES: [RegExp, string, RawSnippet][] = [
  [/^node(js)?$/, 'node', 'realNode'],
  [/^python3(\.\d+)?$/, 'python3', 'realPython3'],
  [/^python(2(\.\d+)?)?$/, 'python', 'realPython'],
  [/^ruby(\d(\.\d+)*)?$/, 'ruby', 'realRuby'],
  [/^php(\d(\.\d+)*)?(-cli)?$/, 'php', 'realPhp'],
  [/^java$/, 'java', 'realJava'],
  [/^deno$/, 'deno', 'realDeno'],
  [/^bun$/, 'bun', 'realBun'],
];

const base = (path: string | null | undefined) => (path ?? '').split('/').pop() ?? '';

/**
 * The interpreter that really binds the socket: a gunicorn or manage.py process is python3 underneath, so
 * the executable and the first word of the command line are asked before the process name.
 */
export function runtimeOf(
  listener:
    (Pick<Listener, 'process' | 'command'> & { executable?: string | null; argv?: string[] | null }) | null,
): { name: string; binary: RawSnippet } | null {
  if (!listener) return null;
  const words = [
    base(listener.executable),
    base(listener.argv?.[0]),
    base(listener.command?.split(/\s+/)[0]),
    listener.process ?? '',
  ];
  for (const word of words)
    for (const [pattern, name, binary] of RUNTIMES) if (pattern.test(word)) return { name, binary };
  return null;
}

/**
 * Ways to keep the privileged port (Linux): a capability on the runtime's own binary, authbind for one
 * port, or lowering the kernel's limit for everyone. Moving to the free port is offered before these.
 */
export function keepPrivilegedPortFixes(
  port: number,
  runtime: ReturnType<typeof runtimeOf>,
  user: string | null,
): Fix[] {
  const who = runtime?.name ?? 'node';
  const byport = `/etc/authbind/byport/${port}`;
  return [
    shellFix(
      'linux',
      `Or let ${who}${runtime ? '' : ' (if your server runs on Node)'} bind ports below 1024 without root (every ${who} program then may)`,
      [...cmd('sudo', 'setcap', 'cap_net_bind_service=+ep'), raw(runtime?.binary ?? 'realNode')],
    ),
    shellFix(
      'linux',
      `Or allow port ${port} alone with authbind (apt install authbind), then start your server as authbind --deep <command>`,
      join(
        '&&',
        cmd('sudo', 'touch', byport),
        cmd('sudo', 'chown', user ?? 'root', byport),
        cmd('sudo', 'chmod', '500', byport),
      ),
    ),
    shellFix(
      'linux',
      `Or let every user bind ports from ${port} up (until reboot; add it to /etc/sysctl.d to keep it)`,
      cmd('sudo', 'sysctl', `net.ipv4.ip_unprivileged_port_start=${port}`),
    ),
  ];
}
