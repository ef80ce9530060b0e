/**
 * The doctor answers only the user it belongs to (and root): another local user, here `nobody`, is refused
 * at the socket before Next runs — no process stopped, no firewall rules or socket owners read for them.
 * Needs root (to run clients as other uids); `npm test` runs as root.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rawRequest, startApp, type RawResponse, type RunningApp } from '@/__tests__/support/app-server';
import { requestAs } from '@/__tests__/support/as-user';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';
import { isRoot, requireOrSkip } from '@/__tests__/support/requirements';
import { absenceWindow } from '@/__tests__/support/timing';

const NOBODY = 65534;
const NO_SUCH_USER = 65533;
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function expectRefused(res: RawResponse, code: string) {
  expect(res.status).toBe(403);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(JSON.parse(res.body).error.code).toBe(code);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
}

describe('run as root: another local user is refused', () => {
  let app: RunningApp | undefined;
  let victim: ChildServer | undefined;
  beforeAll(async () => {
    if (!isRoot) return;
    [app, victim] = await Promise.all([startApp(), startChildHttpServer({ title: 'Root owned' })]);
  });
  afterAll(async () => {
    await victim?.stop();
    await app?.stop();
  });

  test('nobody gets 403 other-user for the API, pages and assets; root is answered', async () => {
    if (!requireOrSkip(isRoot, 'root (to run a client as uid 65534)')) return;
    const host = { host: `127.0.0.1:${app!.port}` };
    for (const path of [
      '/api/listeners',
      `/api/diagnose?target=127.0.0.1:${victim!.port}`,
      `/api/connections?port=${victim!.port}`,
      '/',
      `/diagnose/127.0.0.1%3A${victim!.port}`,
      '/favicon.ico',
      '/does-not-exist',
    ]) {
      const res = await requestAs(NOBODY, `${app!.url}${path}`, { headers: host });
      expectRefused(res, 'other-user');
      expect(JSON.parse(res.body).error.message).toContain('belongs to user root (uid 0); you are uid 65534');
      // What nobody must not learn: the firewall rules and who owns which socket.
      expect(res.body).not.toMatch(/iptables|nft|"pid"|"user"/);
    }
    const own = await rawRequest(`${app!.url}/api/listeners`, { headers: host });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body).listeners.some((l: { pid: number }) => l.pid === victim!.pid)).toBe(true);
  });

  test('nobody cannot stop a root process even with a forged correct Origin; root can', async () => {
    if (!requireOrSkip(isRoot, 'root (to run a client as uid 65534)')) return;
    const origin = app!.url;
    const headers = { host: `127.0.0.1:${app!.port}`, origin, 'content-type': 'application/json' };
    const listing = await rawRequest(`${app!.url}/api/listeners?port=${victim!.port}`, { headers });
    const entry = JSON.parse(listing.body).listeners.find((l: { pid: number }) => l.pid === victim!.pid);
    const body = JSON.stringify({ port: victim!.port, startedAt: entry.startedAt });
    const stopUrl = `${app!.url}/api/processes/${victim!.pid}/stop`;

    const attack = await requestAs(NOBODY, stopUrl, { method: 'POST', headers, body });
    expectRefused(attack, 'other-user');
    await absenceWindow(300); // a signal sent despite the refusal would have ended it by now
    expect(alive(victim!.pid)).toBe(true);

    const gone = new Promise((r) => victim!.child.once('exit', r));
    const mine = await rawRequest(stopUrl, { method: 'POST', headers, body });
    expect(mine.status).toBe(200);
    await gone;
    expect(alive(victim!.pid)).toBe(false);
  });

  test('a client-sent x-ld-peer or X-Forwarded-For does not make nobody the owner', async () => {
    if (!requireOrSkip(isRoot, 'root (to run a client as uid 65534)')) return;
    const res = await requestAs(NOBODY, `${app!.url}/api/listeners`, {
      headers: { host: `127.0.0.1:${app!.port}`, 'x-ld-peer': 'uid:0', 'x-forwarded-for': '127.0.0.1' },
    });
    expectRefused(res, 'other-user');
  });
});

describe('started with sudo (SUDO_UID): the invoking user and root are answered, a third uid is not', () => {
  let app: RunningApp | undefined;
  let sleeper: ChildProcess | undefined;
  beforeAll(async () => {
    if (!isRoot) return;
    app = await startApp({ SUDO_UID: String(NOBODY), SUDO_USER: 'nobody' });
  });
  afterAll(async () => {
    if (sleeper?.pid && sleeper.exitCode === null) process.kill(sleeper.pid, 'SIGKILL');
    await app?.stop();
  });

  test('nobody (SUDO_UID) and root get 200; uid 65533 gets 403 other-user naming the owner', async () => {
    if (!requireOrSkip(isRoot, 'root (to run clients as other uids)')) return;
    const headers = { host: `127.0.0.1:${app!.port}` };
    const url = `${app!.url}/api/listeners`;
    expect((await requestAs(NOBODY, url, { headers })).status).toBe(200);
    expect((await requestAs(NOBODY, `${app!.url}/`, { headers })).status).toBe(200);
    expect((await rawRequest(url, { headers })).status).toBe(200);
    const third = await requestAs(NO_SUCH_USER, url, { headers });
    expectRefused(third, 'other-user');
    expect(JSON.parse(third.body).error.message).toContain(
      'belongs to user nobody (uid 65534); you are uid 65533',
    );
  });

  test('uid 65533 cannot stop the owner\u2019s process either', async () => {
    if (!requireOrSkip(isRoot, 'root (to run clients as other uids)')) return;
    sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
      uid: NOBODY,
      gid: NOBODY,
      cwd: '/',
    });
    const res = await requestAs(NO_SUCH_USER, `${app!.url}/api/processes/${sleeper.pid}/stop`, {
      method: 'POST',
      headers: { host: `127.0.0.1:${app!.port}`, origin: app!.url, 'content-type': 'application/json' },
      body: JSON.stringify({ port: 1, startedAt: null }),
    });
    expectRefused(res, 'other-user');
    expect(alive(sleeper.pid!)).toBe(true);
  });
});
