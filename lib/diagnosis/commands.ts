/** Copyable commands per platform, filled in with the user's host and port. Pure string builders. */
import type { Fix } from '@/lib/diagnosis/types';

export function whoListensFixes(port: number, sudo = false): Fix[] {
  const s = sudo ? 'sudo ' : '';
  return [
    { platform: 'linux', label: 'See who listens on the port', command: `${s}ss -ltnp 'sport = :${port}'` },
    {
      platform: 'darwin',
      label: 'See who listens on the port',
      command: `${s}lsof -nP -iTCP:${port} -sTCP:LISTEN`,
    },
    {
      platform: 'win32',
      label: 'See who listens on the port (PowerShell)',
      command: `Get-NetTCPConnection -LocalPort ${port} -State Listen | Select-Object LocalAddress,LocalPort,OwningProcess,@{n='Process';e={(Get-Process -Id $_.OwningProcess).ProcessName}}`,
    },
  ];
}

export function stopProcessFixes(pid: number, name: string): Fix[] {
  return [
    { platform: 'linux', label: `Stop ${name} (pid ${pid})`, command: `kill ${pid}` },
    { platform: 'darwin', label: `Stop ${name} (pid ${pid})`, command: `kill ${pid}` },
    { platform: 'win32', label: `Stop ${name} (pid ${pid})`, command: `taskkill /PID ${pid}` },
    { platform: 'linux', label: 'If it ignores that, force it', command: `kill -9 ${pid}` },
    { platform: 'darwin', label: 'If it ignores that, force it', command: `kill -9 ${pid}` },
    { platform: 'win32', label: 'If it ignores that, force it', command: `taskkill /PID ${pid} /F` },
  ];
}

/** The same checks the doctor ran, as commands a person can run and read themselves. */
export function testFixes(url: string, host: string, port: number): Fix[] {
  return [
    { platform: 'linux', label: 'Request the page and show every step', command: `curl -v ${url}` },
    { platform: 'darwin', label: 'Request the page and show every step', command: `curl -v ${url}` },
    { platform: 'win32', label: 'Request the page and show every step', command: `curl.exe -v ${url}` },
    {
      platform: 'linux',
      label: 'Only test that the port accepts connections',
      command: `nc -vz ${host} ${port}`,
    },
    {
      platform: 'darwin',
      label: 'Only test that the port accepts connections',
      command: `nc -vz ${host} ${port}`,
    },
    {
      platform: 'any',
      label: 'Open a raw connection (type GET / and Enter twice)',
      command: `telnet ${host} ${port}`,
    },
    {
      platform: 'win32',
      label: 'Only test that the port accepts connections (PowerShell)',
      command: `Test-NetConnection -ComputerName ${host} -Port ${port}`,
    },
  ];
}

/**
 * How to start common stacks on exactly this address, bound to loopback (not 0.0.0.0) so the service is not
 * exposed to the network by accident.
 */
export function startFixes(bindHost: string, port: number): Fix[] {
  const hp = bindHost.includes(':') ? `[${bindHost}]:${port}` : `${bindHost}:${port}`;
  return [
    { platform: 'any', label: 'Django', command: `python manage.py runserver ${hp}` },
    { platform: 'any', label: 'Flask', command: `flask run --host ${bindHost} --port ${port}` },
    {
      platform: 'any',
      label: 'FastAPI (uvicorn)',
      command: `uvicorn main:app --host ${bindHost} --port ${port}`,
    },
    {
      platform: 'any',
      label: 'Express / Node http (in your code)',
      command: `app.listen(${port}, '${bindHost}')  // or http.createServer(handler).listen(${port}, '${bindHost}')`,
    },
    { platform: 'any', label: 'Next.js', command: `npx next dev --hostname ${bindHost} --port ${port}` },
    { platform: 'any', label: 'Vite', command: `npx vite --host ${bindHost} --port ${port} --strictPort` },
    {
      platform: 'linux',
      label: 'Static files (Python)',
      command: `python3 -m http.server ${port} --bind ${bindHost}`,
    },
    {
      platform: 'darwin',
      label: 'Static files (Python)',
      command: `python3 -m http.server ${port} --bind ${bindHost}`,
    },
    {
      platform: 'win32',
      label: 'Static files (Python)',
      command: `py -m http.server ${port} --bind ${bindHost}`,
    },
    { platform: 'any', label: 'Rails', command: `bin/rails server -b ${bindHost} -p ${port}` },
    { platform: 'any', label: 'PHP built-in server', command: `php -S ${hp}` },
    { platform: 'any', label: 'Go net/http (in your code)', command: `http.ListenAndServe("${hp}", nil)` },
    {
      platform: 'any',
      label: 'Spring Boot',
      command: `./mvnw spring-boot:run -Dspring-boot.run.arguments="--server.address=${bindHost} --server.port=${port}"`,
    },
  ];
}
