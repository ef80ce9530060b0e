// Unit, integration and component tests. Browser (e2e) tests live in jest.e2e.config.js.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
];
const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/$1',
    // "server-only" throws outside a React Server bundle; tests run lib code directly on purpose.
    '^server-only$': '<rootDir>/__tests__/support/server-only-stub.js',
  },
};
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/__tests__/{unit,integration}/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/__tests__/support/temp-data-dir.ts'],
    },
    {
      ...shared,
      displayName: 'components',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/__tests__/components/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/__tests__/support/jest-dom.ts'],
    },
  ],
};
