import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// No shell, ever: commands go through lib/exec.ts (execFile with an argument array).
const noShell = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'child_process', importNames: ['exec', 'execSync'], message: 'Use runCommand() from lib/exec.ts (execFile, no shell).' },
        { name: 'node:child_process', importNames: ['exec', 'execSync'], message: 'Use runCommand() from lib/exec.ts (execFile, no shell).' },
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    // A call named exec reads as running a command; in the app a regex is matched with String#match instead,
    // so `grep '\.exec('` finding nothing is a check anyone can run.
    {
      selector: "CallExpression[callee.property.name='exec']",
      message: 'Use String#match for a regex, or runCommand() from lib/exec.ts for a command.',
    },
    {
      selector: "Property[key.name='shell'][value.value=true]",
      message: 'shell: true runs a shell; pass an argument array to execFile/spawn instead.',
    },
    {
      selector: "CallExpression[callee.property.name=/^exec(Sync)?$/][callee.object.name=/child_process|cp|childProcess/]",
      message: 'Use runCommand() from lib/exec.ts (execFile, no shell).',
    },
  ],
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'next-env.d.ts', 'coverage/**'] },
  ...nextVitals,
  ...nextTs,
  { rules: noShell },
  {
    files: ['__tests__/**', 'bench/**', 'scripts/**', '*.config.js'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // Tests and tools may use RegExp#exec; the shell rules still hold there.
      'no-restricted-syntax': ['error', ...noShell['no-restricted-syntax'].slice(2)],
    },
  },
];

export default config;
