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
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];

export default config;
