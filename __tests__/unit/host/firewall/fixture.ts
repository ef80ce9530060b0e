import { readFileSync } from 'node:fs';
import path from 'node:path';

/** A captured (or captured-looking) firewall tool output from __tests__/fixtures/firewall. */
export const fwFixture = (name: string): string =>
  readFileSync(path.join(__dirname, '../../../fixtures/firewall', name), 'utf8');
