import {
  checkTargetAddresses,
  isAddressAllowed,
  mayAskDns,
  notInHostsFile,
  parseAllowTargets,
} from '@/lib/security/target-policy';

describe('target policy', () => {
  test.each(['127.0.0.1', '127.255.0.9', '::1', '::ffff:127.0.0.1'])('%s is this machine', (a) => {
    expect(isAddressAllowed(a, [])).toBe(true);
  });

  test.each([
    '10.0.0.1',
    '192.168.1.5',
    '169.254.169.254',
    'fe80::1',
    'fd00::1',
    '8.8.8.8',
    '::ffff:10.0.0.1',
    '0.0.0.0',
    'not-an-ip',
  ])('%s is refused by default', (a) => expect(isAddressAllowed(a, [])).toBe(false));

  test('ALLOW_TARGETS opts in to ranges, but link-local needs its own entry', () => {
    const allow = parseAllowTargets('192.168.1.0/24, 0.0.0.0/0, junk');
    expect(isAddressAllowed('192.168.1.20', allow)).toBe(true);
    expect(isAddressAllowed('8.8.8.8', allow)).toBe(true);
    expect(isAddressAllowed('169.254.169.254', allow)).toBe(false);
    expect(isAddressAllowed('169.254.169.254', parseAllowTargets('169.254.0.0/16'))).toBe(true);
  });

  test('an IPv4-mapped address counts as its IPv4 address, an IPv4-compatible one does not', () => {
    const allow = parseAllowTargets('10.0.0.0/8');
    expect(isAddressAllowed('::ffff:10.0.0.1', allow)).toBe(true);
    expect(isAddressAllowed('::10.0.0.1', allow)).toBe(false);
  });

  test('a name is allowed only when every address it resolves to is loopback', () => {
    expect(checkTargetAddresses('dev.test', ['127.0.0.1', '::1'], [])).toEqual({ allowed: true });
    const r = checkTargetAddresses('evil.test', ['127.0.0.1', '10.0.0.1'], []);
    expect(r).toMatchObject({ allowed: false, code: 'target-not-allowed' });
    if (!r.allowed) expect(r.message).toContain('10.0.0.1 is not a loopback address');
    expect(checkTargetAddresses('nowhere.test', [], [])).toMatchObject({ allowed: false });
  });
});

describe('which names may be sent to DNS', () => {
  test('only after the user opted in to non-loopback targets with a usable ALLOW_TARGETS entry', () => {
    expect(mayAskDns([])).toBe(false);
    expect(mayAskDns(parseAllowTargets('junk, also junk'))).toBe(false);
    expect(mayAskDns(parseAllowTargets('192.168.1.0/24'))).toBe(true);
  });

  test('the refusal says the name was not looked up in DNS and how to opt in or add it', () => {
    const r = notInHostsFile('zzz.example', '/etc/hosts');
    expect(r.code).toBe('target-not-allowed');
    expect(r.message).toContain('zzz.example is not in the hosts file (/etc/hosts)');
    expect(r.message).toContain('not looked up in DNS');
    expect(r.message).toContain('ALLOW_TARGETS');
    expect(r.message).toContain('"127.0.0.1 zzz.example"');
  });
});
