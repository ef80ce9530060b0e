/** Copyable commands per platform, filled in with the user's host and port, built as argument lists. */
import type { Fix } from '@/lib/diagnosis/types';
import { codeFix, everywhereFixes, shellFix, unixFixes } from '@/lib/diagnosis/fix';
import { cmd, join, raw, type Part } from '@/lib/shell/script';
import { hostPort } from '@/lib/net';

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
 * exposed to the network by accident. `bindHost` is an IP address or a validated host name.
 */
export function startFixes(bindHost: string, port: number): Fix[] {
  const hp = hostPort(bindHost, port);
  const p = String(port);
  const python = (py: string) => cmd(py, '-m', 'http.server', p, '--bind', bindHost);
  return [
    ...everywhereFixes('Django', cmd('python', 'manage.py', 'runserver', hp)),
    ...everywhereFixes('Flask', cmd('flask', 'run', '--host', bindHost, '--port', p)),
    ...everywhereFixes('FastAPI (uvicorn)', cmd('uvicorn', 'main:app', '--host', bindHost, '--port', p)),
    // Code, not a command: JSON.stringify makes the host a JavaScript (and Go) string literal whatever it holds.
    codeFix(
      'any',
      'Express / Node http (in your code)',
      `app.listen(${port}, ${JSON.stringify(bindHost)})  // or http.createServer(handler).listen(${port}, ${JSON.stringify(bindHost)})`,
    ),
    ...everywhereFixes('Next.js', cmd('npx', 'next', 'dev', '--hostname', bindHost, '--port', p)),
    ...everywhereFixes('Vite', cmd('npx', 'vite', '--host', bindHost, '--port', p, '--strictPort')),
    ...unixFixes('Static files (Python)', python('python3')),
    shellFix('win32', 'Static files (Python)', python('py')),
    ...everywhereFixes('Rails', cmd('bin/rails', 'server', '-b', bindHost, '-p', p)),
    ...everywhereFixes('PHP built-in server', cmd('php', '-S', hp)),
    codeFix('any', 'Go net/http (in your code)', `http.ListenAndServe(${JSON.stringify(hp)}, nil)`),
    ...everywhereFixes(
      'Spring Boot',
      cmd(
        './mvnw',
        'spring-boot:run',
        `-Dspring-boot.run.arguments=--server.address=${bindHost} --server.port=${port}`,
      ),
    ),
  ];
}
