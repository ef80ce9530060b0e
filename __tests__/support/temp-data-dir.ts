// Every diagnosis now reads and writes the history store (facts.history). Under plain `npx jest` no DATA_DIR is
// set, which would mean the user's real data directory: each test file gets its own temp one instead.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

if (!process.env.DATA_DIR) {
  const dir = mkdtempSync(join(tmpdir(), 'ld-jest-data-'));
  process.env.DATA_DIR = dir;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
}
