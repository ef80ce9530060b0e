import { fakeApi } from './render';

// Order matters here on purpose: the second test sees what the first one left behind.
describe('fakeApi', () => {
  const before = globalThis.fetch;

  it('answers fetch from the test’s function while the test runs', async () => {
    fakeApi(() => ({ body: { answered: true } }));
    expect(globalThis.fetch).not.toBe(before);
    expect(await (await fetch('/api/listeners')).json()).toEqual({ answered: true });
  });

  it('leaves the fetch the environment had once the test that faked it is over', () => {
    expect(globalThis.fetch).toBe(before);
  });
});
