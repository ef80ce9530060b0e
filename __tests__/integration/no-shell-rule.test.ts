/** The lint rule that forbids a shell actually fires (one real eslint process over sample files). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dir = join(root, 'test-results', 'lint-samples');

const samples: Record<string, { code: string; rule: string | null }> = {
  'exec-import.ts': {
    code: "import { exec } from 'node:child_process';\nexec('ls');\n",
    rule: 'no-restricted-imports',
  },
  'exec-sync.ts': {
    code: "import { execSync } from 'child_process';\nexecSync('ls');\n",
    rule: 'no-restricted-imports',
  },
  'exec-member.ts': {
    code: "import cp from 'node:child_process';\ncp.exec('ls');\n",
    rule: 'no-restricted-syntax',
  },
  'shell-true.ts': {
    code: "import { spawn } from 'node:child_process';\nspawn('ls', [], { shell: true });\n",
    rule: 'no-restricted-syntax',
  },
  'regex-exec.ts': {
    code: "export const m = /a/.exec('a');\n",
    rule: 'no-restricted-syntax',
  },
  'exec-file.ts': {
    code: "import { execFile } from 'node:child_process';\nexecFile('ss', ['-ltn'], () => undefined);\n",
    rule: null,
  },
};

let messages: Record<string, string[]> = {};

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, s] of Object.entries(samples)) writeFileSync(join(dir, name), s.code);
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--no-ignore', '--format', 'json', dir],
    { cwd: root, encoding: 'utf8' },
  );
  const results = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
  messages = Object.fromEntries(
    results.map((x) => [x.filePath.split('/').pop()!, x.messages.map((m) => String(m.ruleId))]),
  );
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each(Object.entries(samples).filter(([, s]) => s.rule))('%s is refused by the no-shell rule', (name) => {
  expect(messages[name]).toContain(samples[name]!.rule);
});

test('execFile with an argument array passes', () => {
  expect(messages['exec-file.ts']!.filter((r) => r.startsWith('no-restricted'))).toEqual([]);
});
