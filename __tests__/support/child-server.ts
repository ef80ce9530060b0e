// A real process that owns a listening socket, so a test can check we name *that* process (not the test's).
import { spawn, type ChildProcess } from 'node:child_process';

export interface ChildServer {
  pid: number;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const HTTP_SERVER = `
const http = require('node:http');
const [host, port, status, title] = process.argv.slice(1);
const server = http.createServer((req, res) => {
  res.writeHead(Number(status), { 'content-type': 'text/html', server: 'child-test-server' });
  res.end('<!doctype html><title>' + title + '</title><p>hi</p>');
});
server.listen({ host, port: Number(port), ipv6Only: host.includes(':') }, () => process.stdout.write(server.address().port + '\\n'));
`;

/** Starts `node -e <http server>` on host:port (0 = any) and resolves once it listens. Stop kills it by pid. */
export async function startChildHttpServer(
  opts: { host?: string; port?: number; status?: number; title?: string } = {},
): Promise<ChildServer> {
  const args = [
    '-e',
    HTTP_SERVER,
    opts.host ?? '127.0.0.1',
    String(opts.port ?? 0),
    String(opts.status ?? 200),
    opts.title ?? 'Child App',
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (b: Buffer) => resolve(Number(b.toString().trim())));
    child.once('exit', (code) => reject(new Error(`child server exited early (${code})`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(child.pid!, 'SIGTERM');
    await gone;
  };
  return { pid: child.pid!, port, child, stop };
}
