/** Property-based: no input breaks parsing or the policy, and no spelling of a foreign address slips through. */
import fc from 'fast-check';
import { parseTarget } from '@/lib/target';
import { checkTargetAddresses } from '@/lib/security/target-policy';
import { isHostAllowed } from '@/lib/security/host-header';
import { parseCliArgs } from '@/lib/cli/args';

const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.webUrl(),
  fc.constantFrom(':', '[', ']:', '::', '0x', '@', '%00', '\u0000'),
);

test('parseTarget never throws and answers either a target with a valid port or invalid-target', () => {
  fc.assert(
    fc.property(anyText, (text) => {
      const r = parseTarget(text);
      if (r.ok) {
        expect(r.target.port).toBeGreaterThanOrEqual(1);
        expect(r.target.port).toBeLessThanOrEqual(65535);
        expect(r.target.host.length).toBeGreaterThan(0);
      } else {
        expect(r.error.code).toBe('invalid-target');
      }
    }),
    { numRuns: 5000 },
  );
});

test('every IPv4 address, in dotted, decimal and hex spelling, is allowed only when it is 127.0.0.0/8', () => {
  fc.assert(
    fc.property(
      fc.oneof(fc.ipV4(), fc.constant('0.0.0.0')),
      fc.integer({ min: 1, max: 65535 }),
      (ip, port) => {
        const n = ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
        for (const spelling of [ip, String(n), `0x${n.toString(16)}`, `[::ffff:${ip}]`]) {
          const r = parseTarget(`${spelling}:${port}`);
          expect(r.ok).toBe(true);
          if (!r.ok) continue;
          // 0.0.0.0 is the one rewrite: a bind address, reached as 127.0.0.1.
          const expected = ip === '0.0.0.0' ? '127.0.0.1' : ip;
          expect(r.target.host).toBe(expected);
          expect(checkTargetAddresses(r.target.host, [r.target.host], []).allowed).toBe(
            expected.startsWith('127.'),
          );
        }
      },
    ),
    { numRuns: 2000 },
  );
});

test('every IPv6 address other than ::1 (and mapped loopback) is refused', () => {
  fc.assert(
    fc.property(fc.ipV6(), (ip) => {
      const r = parseTarget(`[${ip}]:80`);
      if (!r.ok) return;
      const allowed = checkTargetAddresses(r.target.host, [r.target.host], []).allowed;
      expect(allowed).toBe(r.target.host === '::1' || r.target.host.startsWith('127.'));
    }),
    { numRuns: 2000 },
  );
});

test('Host headers and CLI arguments never throw', () => {
  fc.assert(
    fc.property(anyText, fc.array(anyText, { maxLength: 4 }), (h, argv) => {
      expect(typeof isHostAllowed(h, [])).toBe('boolean');
      expect(typeof parseCliArgs(argv).ok).toBe('boolean');
    }),
    { numRuns: 3000 },
  );
});
