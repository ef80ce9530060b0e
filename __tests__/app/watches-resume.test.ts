/** Stored watches resume when the server starts (instrumentation), before anyone opens the Monitor. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawRequest, startApp } from '../support/app-server';
import { startChildHttpServer } from '../support/child-server';

it('a watch created before a restart is sampled again by the new server without any watch request', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ld-app-resume-'));
  const server = await startChildHttpServer();
  try {
    const first = await startApp({ DATA_DIR: dataDir }, 120_000);
    const created = await rawRequest(`${first.url}/api/watches`, {
      method: 'POST',
      headers: { origin: first.url, 'content-type': 'application/json' },
      body: JSON.stringify({ target: `127.0.0.1:${server.port}`, intervalSeconds: 1 }),
    });
    const { watch } = JSON.parse(created.body);
    await first.stop();

    const restartedAt = new Date().toISOString();
    const second = await startApp({ DATA_DIR: dataDir }, 120_000);
    try {
      // Only the samples route is asked (it starts nothing): a sample after the restart came from the
      // scheduler the server started on its own.
      const url = `${second.url}/api/watches/${watch.id}/samples?since=${encodeURIComponent(restartedAt)}`;
      const end = Date.now() + 30_000;
      let samples: { up: boolean }[] = [];
      while (Date.now() < end && samples.length === 0) {
        samples = JSON.parse((await rawRequest(url)).body).samples;
        if (samples.length === 0) await new Promise((r) => setTimeout(r, 300));
      }
      expect(samples[0]).toMatchObject({ up: true, status: 200 });
    } finally {
      await second.stop();
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
