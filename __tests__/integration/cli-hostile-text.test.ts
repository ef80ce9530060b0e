/**
 * The real CLI against a real hostile server and a real process with a hostile argument: what reaches the
 * terminal is the doctor's own colours and nothing else that a terminal would act on.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { cleanupAll, startTcpServer } from '@/__tests__/support/servers';

const root = join(__dirname, '..', '..');
const tsxCli = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runDoctor(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [tsxCli, '--conditions=react-server', join(root, 'bin', 'doctor.ts'), ...args],
      // FORCE_COLOR: the CLI's own colour sequences are on, as on a terminal, so the test tells them apart.
      {
        cwd: root,
        env: { ...process.env, FORCE_COLOR: '1', NO_COLOR: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The sequences renderText writes itself: bold, reset, and the four severity colours. */
const OWN_COLOURS = /\x1b\[(?:0|1|31|32|33|36)m/g;
/** What a terminal acts on besides the line break: C0 controls, DEL, C1 controls, bidi controls. */
const ACTIONABLE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

const REASON = '\x1b[2J\x1b]0;pwn\x07';
/** Header bytes are read as latin1, so 0x9b arrives as U+009B, the 8-bit CSI. */
const SERVER = 'evil\x1b[31m\x9b2J\x1b]0;title\x07';

/**
 * Answers every request with a reason phrase and Server header full of escapes, and a UTF-8 title with
 * references to ESC and BEL and a right-to-left override.
 */
function startHostileServer() {
  const body = '<!doctype html><title>&#27;[2J&#x1b;]0;pwn&#7; hostile \u202eexe.txt</title>';
  const head =
    `HTTP/1.1 200 ${REASON}\r\nServer: ${SERVER}\r\nContent-Type: text/html\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  return startTcpServer((socket) => {
    socket.once('data', () => socket.end(Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(body)])));
  });
}

let child: ChildServer | null = null;
afterEach(async () => {
  await child?.stop();
  child = null;
  await cleanupAll();
});
jest.setTimeout(40_000);

function expectTerminalSafe(stdout: string): void {
  expect(stdout).toMatch(OWN_COLOURS); // the colours stay
  const withoutColours = stdout.replace(OWN_COLOURS, '');
  expect(withoutColours).not.toContain('\x1b');
  expect(withoutColours).not.toMatch(ACTIONABLE);
}

test('a server\u2019s escape sequences in reason, Server and <title> reach the terminal as visible text', async () => {
  const s = await startHostileServer();
  const r = await runDoctor([`127.0.0.1:${s.port}`]);
  expect(r.code).toBe(0);
  expectTerminalSafe(r.stdout);
  // The user still sees what the server sent, as escapes.
  expect(r.stdout).toContain('answers: 200 \u201c\\x1b[2J\\x1b]0;pwn\\x07\u201d');
  expect(r.stdout).toContain('server \u201cevil\\x1b[31m\\x9b2J\\x1b]0;title\\x07\u201d');
  // A character reference to ESC in the title stays as written; it is never decoded into a raw ESC.
  expect(r.stdout).toContain('\u201c&#27;[2J&#x1b;]0;pwn&#7; hostile \\u202Eexe.txt\u201d');
});

test('--json stays faithful: the same strings, control characters escaped by JSON', async () => {
  const s = await startHostileServer();
  const r = await runDoctor([`127.0.0.1:${s.port}`, '--json']);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toMatch(ACTIONABLE);
  const http = JSON.parse(r.stdout).facts.probes.value.application.http;
  expect(http.reason).toBe(REASON);
  expect(http.server).toBe(SERVER);
  // Kept as sent, except the bidi override, which is stored as a visible escape (rule: bidi-inert).
  expect(http.title).toBe('&#27;[2J&#x1b;]0;pwn&#7; hostile \\u202Eexe.txt');
});

test('a listening process whose arguments hold ESC and BEL is shown with escapes, colours intact', async () => {
  child = await startChildHttpServer({ title: 'argv\x1b]0;pwn\x07\x1b[2J' });
  const r = await runDoctor([`127.0.0.1:${child.port}`, '--intent', 'start']);
  expect(r.code).toBe(1); // port-taken: the port is held
  expectTerminalSafe(r.stdout);
  expect(r.stdout).toContain(`(pid ${child.pid}`);
  expect(r.stdout).toContain('argv\\x1b]0;pwn\\x07\\x1b[2J');
});
