/**
 * A store that cannot be opened (DATA_DIR lies under a regular file) pauses the history: exporting a
 * session and importing a case file are then a 409 with the reason, never a 5xx.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../support/app-server';
import { sessionCase } from '../unit/cases/case-fixtures';
import { get, importCase } from './cases-support';

let app: RunningApp;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ld-cases-paused-'));
  writeFileSync(join(dir, 'not-a-directory'), '');
  app = await startApp({ DATA_DIR: join(dir, 'not-a-directory', 'data') }, 120_000);
}, 150_000);
afterAll(async () => {
  await app?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('import and export answer 409 history-unavailable with the reason', async () => {
  const imported = await importCase(app, JSON.stringify(sessionCase()));
  expect(imported.status).toBe(409);
  expect(JSON.parse(imported.body).error).toMatchObject({
    code: 'history-unavailable',
    message: expect.stringContaining('nothing was saved'),
  });
  for (const path of ['report?format=md', 'redactions']) {
    const res = await get(app, `/api/sessions/b3c1d2e4-0000-4000-8000-000000000001/${path}`);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body).error.code).toBe('history-unavailable');
  }
});
