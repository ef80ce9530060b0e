// An HTTP request made by a process of another uid (needs root to spawn it): `node -e` with an inline
// client, run from / so it needs no access to the repo. Answers like rawRequest.
import { spawn } from 'node:child_process';
import type { RawResponse } from '@/__tests__/support/app-server';

const CLIENT = `
const http = require('node:http');
const [url, method, headers, body] = process.argv.slice(1);
const u = new URL(url);
const req = http.request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers: JSON.parse(headers) }, (res) => {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (c) => (text += c));
  res.on('end', () => process.stdout.write(JSON.stringify({ status: res.statusCode, headers: res.headers, body: text })));
});
req.setTimeout(20000, () => req.destroy(new Error('no answer in 20 s')));
req.on('error', (e) => { process.stderr.write(String(e)); process.exit(2); });
if (body) req.write(body);
req.end();
`;

export function requestAs(
  uid: number,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-e', CLIENT, url, opts.method ?? 'GET', JSON.stringify(opts.headers ?? {}), opts.body ?? ''],
      {
        uid,
        gid: uid,
        cwd: '/',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, HOME: '/' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as RawResponse)
        : reject(new Error(`client as uid ${uid} failed: ${err}`)),
    );
  });
}
