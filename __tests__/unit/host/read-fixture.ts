import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A captured tool output or /proc file from __tests__/fixtures/host. */
export const fixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../../fixtures/host', name), 'utf8');
