// Tests against the real running app (built by `next build`, started by scripts/start.ts): HTTP only.
const base = require('./jest.config.js').projects[0];
module.exports = {
  ...base,
  displayName: 'app',
  testMatch: ['<rootDir>/__tests__/app/**/*.test.ts'],
  testTimeout: 60_000,
  maxWorkers: 1,
};
