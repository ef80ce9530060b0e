/** `npm start` as a newcomer runs it: loopback only, a taken port named and skipped, HOST refused. */
import {
  startApp,
  startScript,
  freePort,
  rawRequest,
  stopChild,
  type RunningApp,
} from '@/__tests__/support/app-server';
import { startChildHttpServer, type ChildServer } from '@/__tests__/support/child-server';

let holder: ChildServer | undefined;
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.stop();
  await holder?.stop();
  app = holder = undefined;
});

test('a taken PORT is named with its holder (our own listener lookup) and the next free port is served', async () => {
  holder = await startChildHttpServer({ port: 0 });
  app = await startApp({ PORT: String(holder.port) });
  expect(app.output()).toContain(`port ${holder.port} is held by node (pid ${holder.pid}, \``);
  expect(app.port).not.toBe(holder.port);
  expect(app.url).toBe(`http://127.0.0.1:${app.port}`);
  const res = await rawRequest(`${app.url}/api/listeners?port=${app.port}`, {
    headers: { host: `127.0.0.1:${app.port}` },
  });
  const body = JSON.parse(res.body);
  // It listens on 127.0.0.1 only, never on a wildcard address.
  expect(body.listeners.map((l: { address: string }) => l.address)).toEqual(['127.0.0.1']);
});

test('HOST outside loopback is refused at start with a clear message and a non-zero exit', async () => {
  const { child, output } = startScript({ HOST: '192.0.2.10', PORT: String(await freePort()) });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  await stopChild(child);
  expect(code).toBe(1);
  expect(output()).toContain('Refusing to listen on HOST=192.0.2.10');
  expect(output()).toContain('ACCESS_TOKEN');
});
