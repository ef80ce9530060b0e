// Browser tests: the real app (`npm start`), real servers the tests start, Debian's Chromium.
// `npm test` builds first; run alone they build through `npm start` when no current build exists.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true } } }];
module.exports = {
  displayName: 'e2e',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  // One browser and one app at a time: live polling is timing-sensitive on small CI machines.
  maxWorkers: 1,
  testTimeout: 60_000,
};
