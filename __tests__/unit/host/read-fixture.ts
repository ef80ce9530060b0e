import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A captured tool output or /proc file from __tests__/fixtures/host. */
export const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../../fixtures/host', name), 'utf8');

/** A writer of files in a temp directory removed after the test file: `file(name, text)` gives its path. */
export function tempFiles(prefix: string): (name: string, text: string) => string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, text) => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };
}
