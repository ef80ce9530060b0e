import '@testing-library/jest-dom';

// A component test that clicks through a flow (user-event, query refetches) takes about a second alone, but
// Jest's 5 s default is not enough on a loaded 2-core machine running other suites in parallel.
jest.setTimeout(20_000);
