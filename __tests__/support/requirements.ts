/**
 * Some tests need what only some hosts have (root, ip netns, IPv6 loopback, Chromium). Outside CI a missing
 * one is announced loudly and the test returns early; under CI=true it is a failure, never a silent skip.
 */
export function requireOrSkip(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env.CI === 'true') throw new Error(`CI needs ${what}, and this host lacks it`);
  console.warn(
    `\n*** SKIPPED: this host lacks ${what}; the test did not run. (Under CI=true this fails.) ***\n`,
  );
  return false;
}

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Set by scripts/test.mjs when the whole run happens inside a loopback-only network namespace. */
export const inLoopbackOnlyNamespace = process.env.LD_IN_NETNS === '1';

/**
 * A describe block of tests that read Linux's /proc. Elsewhere it holds one test that says so loudly (a
 * failure under CI=true), never a silent describe.skip.
 */
export function onLinux(name: string, body: () => void): void {
  if (process.platform === 'linux') {
    describe(name, body);
    return;
  }
  describe(name, () => {
    it('needs Linux', () => {
      requireOrSkip(false, 'Linux (these tests read its /proc)');
    });
  });
}
