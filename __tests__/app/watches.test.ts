/** /api/watches against the real app: validation, the target policy, Origin on writes, samples, DELETE. */
import { freePort, rawRequest, startApp, type RunningApp } from '../support/app-server';
import { startChildHttpServer, type ChildServer } from '../support/child-server';

let app: RunningApp;
let server: ChildServer;
beforeAll(async () => {
  [app, server] = await Promise.all([startApp({}, 120_000), startChildHttpServer({ status: 200 })]);
}, 150_000);
afterAll(async () => {
  await server?.stop();
  await app?.stop();
});

const origin = () => ({ origin: app.url });
const post = (body: unknown, headers: Record<string, string> = origin()) =>
  rawRequest(`${app.url}/api/watches`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const json = (r: { body: string }) => JSON.parse(r.body);

async function until<T>(what: string, fn: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

it('bad input is a 400 with a sentence, a target outside the policy 403, a write without our Origin 403', async () => {
  for (const body of [
    {},
    { target: '' },
    { target: 'a;id;.localhost:7001' },
    { target: 'localhost:3000', intervalSeconds: 0 },
    { target: 'localhost:3000', intervalSeconds: 3601 },
    { target: 'localhost:3000', intervalSeconds: '5' },
    { target: 'localhost:3000', interval: 5 },
  ]) {
    const r = await post(body);
    expect([r.status, body]).toEqual([400, body]);
    expect(json(r).error.message.length).toBeGreaterThan(5);
  }
  const outside = await post({ target: '10.1.2.3:80' });
  expect(outside.status).toBe(403);
  expect(json(outside).error.code).toBe('target-not-allowed');
  const noOrigin = await post({ target: `127.0.0.1:${server.port}` }, {});
  expect(noOrigin.status).toBe(403);
  expect(json(noOrigin).error.code).toBe('origin-not-allowed');
  const foreign = await post({ target: `127.0.0.1:${server.port}` }, { origin: 'http://evil.example' });
  expect(foreign.status).toBe(403);
  expect(json(await rawRequest(`${app.url}/api/watches`)).watches).toEqual([]);
});

it('a watch is created (201), the same target again is the same watch (200), and it samples the server', async () => {
  const created = await post({ target: `127.0.0.1:${server.port}`, intervalSeconds: 1 });
  expect(created.status).toBe(201);
  const { watch } = json(created);
  expect(watch).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    target: `127.0.0.1:${server.port}`,
    intervalSeconds: 1,
    createdAt: expect.any(String),
  });
  const again = await post({ target: `http://127.0.0.1:${server.port}/` });
  expect(again.status).toBe(200);
  expect(json(again).watch.id).toBe(watch.id);

  const listed = await until('an up sample', async () => {
    const w = json(await rawRequest(`${app.url}/api/watches`)).watches.find(
      (x: { id: string }) => x.id === watch.id,
    );
    return w?.state === 'up' ? w : undefined;
  });
  expect(listed).toMatchObject({ state: 'up', uptimePercent: 100, lastSample: { up: true, status: 200 } });
  expect(Date.parse(listed.since)).toBeGreaterThanOrEqual(Date.parse(watch.createdAt));

  const samples = json(await rawRequest(`${app.url}/api/watches/${watch.id}/samples`)).samples;
  expect(samples.length).toBeGreaterThanOrEqual(1);
  expect(samples[0]).toMatchObject({ up: true, status: 200, error: null });
  expect(typeof samples[0].connectMs).toBe('number');
  expect(typeof samples[0].connections).toBe('object');
  const future = await rawRequest(
    `${app.url}/api/watches/${watch.id}/samples?since=${encodeURIComponent('2999-01-01T00:00:00Z')}`,
  );
  expect(json(future).samples).toEqual([]);
  expect((await rawRequest(`${app.url}/api/watches/${watch.id}/samples?since=yesterday`)).status).toBe(400);
  expect((await rawRequest(`${app.url}/api/watches/not-an-id/samples`)).status).toBe(400);
  const unknown = await rawRequest(`${app.url}/api/watches/00000000-0000-4000-8000-000000000000/samples`);
  expect([unknown.status, json(unknown).error.code]).toEqual([404, 'watch-not-found']);
}, 60_000);

it('a watch of a server that stops turns down with the reason', async () => {
  const port = await freePort();
  const doomed = await startChildHttpServer({ port });
  const { watch } = json(await post({ target: `127.0.0.1:${port}`, intervalSeconds: 1 }));
  await until('up', async () => {
    const w = json(await rawRequest(`${app.url}/api/watches`)).watches.find(
      (x: { id: string }) => x.id === watch.id,
    );
    return w?.state === 'up' ? w : undefined;
  });
  await doomed.stop();
  const down = await until('down', async () => {
    const w = json(await rawRequest(`${app.url}/api/watches`)).watches.find(
      (x: { id: string }) => x.id === watch.id,
    );
    return w?.state === 'down' ? w : undefined;
  });
  expect(down.lastSample).toMatchObject({ up: false, error: 'ECONNREFUSED on 127.0.0.1' });
  expect(down.uptimePercent).toBeLessThan(100);
}, 60_000);

it('DELETE needs our Origin (403, the watch stays), then 204, then 404; the samples go with it', async () => {
  const { watch } = json(await post({ target: `localhost:${server.port}`, intervalSeconds: 5 }));
  const url = `${app.url}/api/watches/${watch.id}`;
  const refused = await rawRequest(url, { method: 'DELETE' });
  expect([refused.status, json(refused).error.code]).toEqual([403, 'origin-not-allowed']);
  const ids = async () =>
    json(await rawRequest(`${app.url}/api/watches`)).watches.map((w: { id: string }) => w.id);
  expect(await ids()).toContain(watch.id);
  const deleted = await rawRequest(url, { method: 'DELETE', headers: origin() });
  expect([deleted.status, deleted.body]).toEqual([204, '']);
  expect(await ids()).not.toContain(watch.id);
  const gone = await rawRequest(url, { method: 'DELETE', headers: origin() });
  expect([gone.status, json(gone).error.code]).toEqual([404, 'watch-not-found']);
  expect((await rawRequest(`${url}/samples`)).status).toBe(404);
  expect((await rawRequest(`${app.url}/api/watches/x`, { method: 'DELETE', headers: origin() })).status).toBe(
    400,
  );
});
