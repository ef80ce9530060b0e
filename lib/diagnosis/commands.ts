/** Copyable commands per platform, filled in with the user's host and port, built as argument lists. */
import type { Fix } from '@/lib/diagnosis/types';
import { codeFix, everywhereFixes, shellFix, unixFixes } from '@/lib/diagnosis/fix';
import { cmd, env, join, raw, type Part } from '@/lib/shell/script';
import { startCommandsFor, type StartCommandsOptions } from '@/lib/stacks';

const sudoIf = (sudo: boolean, parts: Part[]): Part[] => (sudo ? [...cmd('sudo'), ...parts] : parts);

export function whoListensFixes(port: number, sudo = false): Fix[] {
  const label = 'See who listens on the port';
  return [
    shellFix('linux', label, sudoIf(sudo, cmd('ss', '-ltnp', `sport = :${port}`))),
    shellFix('darwin', label, sudoIf(sudo, cmd('lsof', '-nP', `-iTCP:${port}`, '-sTCP:LISTEN'))),
    shellFix(
      'win32',
      `${label} (PowerShell)`,
      join('|', cmd('Get-NetTCPConnection', '-LocalPort', String(port), '-State', 'Listen'), [
        ...cmd('Select-Object'),
        raw('processNameColumn'),
      ]),
    ),
  ];
}

export function stopProcessFixes(pid: number, name: string): Fix[] {
  const stop = `Stop ${name} (pid ${pid})`;
  const force = 'If it ignores that, force it';
  return [
    ...unixFixes(stop, cmd('kill', String(pid))),
    shellFix('win32', stop, cmd('taskkill', '/PID', String(pid))),
    ...unixFixes(force, cmd('kill', '-9', String(pid))),
    shellFix('win32', force, cmd('taskkill', '/PID', String(pid), '/F')),
  ];
}

/** The same checks the doctor ran, as commands a person can run and read themselves. */
export function testFixes(url: string, host: string, port: number): Fix[] {
  const request = 'Request the page and show every step';
  const connect = 'Only test that the port accepts connections';
  return [
    ...unixFixes(request, cmd('curl', '-v', url)),
    shellFix('win32', request, cmd('curl.exe', '-v', url)),
    ...unixFixes(connect, cmd('nc', '-vz', host, String(port))),
    ...everywhereFixes(
      'Open a raw connection (type GET / and Enter twice)',
      cmd('telnet', host, String(port)),
    ),
    shellFix(
      'win32',
      `${connect} (PowerShell)`,
      cmd('Test-NetConnection', '-ComputerName', host, '-Port', String(port)),
    ),
  ];
}

/**
 * How to start common stacks on exactly this address, bound to loopback (not 0.0.0.0) so the service is not
 * exposed to the network by accident. The list itself lives in lib/stacks (one entry per program, as argv);
 * here each entry becomes a Fix quoted for its shell.
 */
export function startFixes(bindHost: string, port: number, options: StartCommandsOptions = {}): Fix[] {
  return startCommandsFor(bindHost, port, options).flatMap((c): Fix[] => {
    if (c.kind === 'code') return [codeFix(c.platform, c.label, c.code)];
    const script = [...Object.entries(c.env).map(([k, v]) => env(k, v)), ...cmd(...c.argv)];
    return c.platform === 'any' ? everywhereFixes(c.label, script) : [shellFix(c.platform, c.label, script)];
  });
}
