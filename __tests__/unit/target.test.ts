import { parseTarget } from '@/lib/target';

const parse = (s: string) => {
  const r = parseTarget(s);
  if (!r.ok) throw new Error(`expected "${s}" to parse: ${r.error.message}`);
  return r.target;
};

describe('parseTarget', () => {
  test.each([
    ['127.0.0.1:62893', '127.0.0.1', 'ipv4', 62893],
    ['localhost:3000', 'localhost', 'name', 3000],
    ['[::1]:8080', '::1', 'ipv6', 8080],
    ['http://localhost:5173/app?x=1', 'localhost', 'name', 5173],
    ['https://localhost/', 'localhost', 'name', 443],
    [':5000', 'localhost', 'name', 5000],
    ['62893', 'localhost', 'name', 62893],
    ['api.localhost:3000', 'api.localhost', 'name', 3000],
    ['LOCALHOST:3000', 'localhost', 'name', 3000],
    ['127.0.0.1:00080', '127.0.0.1', 'ipv4', 80],
    ['localhost:80', 'localhost', 'name', 80],
  ])('%s → host %s (%s), port %d', (input, host, kind, port) => {
    expect(parse(input)).toMatchObject({ host, hostKind: kind, port });
  });

  test('the path and scheme are kept for the HTTP probe', () => {
    expect(parse('https://localhost:8443/health?deep=1')).toMatchObject({
      scheme: 'https',
      path: '/health?deep=1',
      display: 'localhost:8443',
    });
  });

  test('0.0.0.0 is explained as a bind address and reached as 127.0.0.1', () => {
    const t = parse('0.0.0.0:8000');
    expect(t).toMatchObject({ host: '127.0.0.1', display: '127.0.0.1:8000' });
    expect(t.notes[0]).toMatch(/bind address/);
  });

  test(':: is reached as ::1', () => {
    expect(parse('[::]:8000')).toMatchObject({ host: '::1', hostKind: 'ipv6', display: '[::1]:8000' });
  });

  test.each(['127.1:80', '2130706433:80', '0x7f000001:80', '0177.0.0.1:80'])(
    '%s is another spelling of 127.0.0.1',
    (input) => {
      const t = parse(input);
      expect(t.host).toBe('127.0.0.1');
      expect(t.notes[0]).toContain('127.0.0.1');
    },
  );

  test('IPv4-mapped loopback is checked as the IPv4 address', () => {
    expect(parse('[::ffff:127.0.0.1]:9000')).toMatchObject({ host: '127.0.0.1', hostKind: 'ipv4' });
  });

  test('non-loopback spellings parse to the address they mean (the policy refuses them later)', () => {
    expect(parse('012.0.0.1:80').host).toBe('10.0.0.1');
    expect(parse('167772161:80').host).toBe('10.0.0.1');
    expect(parse('10.1:80').host).toBe('10.0.0.1');
  });

  test.each([
    ['', /empty/],
    ['localhost', /no port/],
    ['hello world', /spaces/],
    ['localhost:99999', /not an address/],
    ['localhost:0', /outside 1–65535/],
    ['ftp://localhost:21', /not something this tool can open/],
    ['http://user@127.0.0.1:80/', /user name/],
    ['[::1', /not an address/],
  ])('%j is rejected with a message that says what was expected', (input, why) => {
    const r = parseTarget(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-target');
      expect(r.error.message).toMatch(why);
      expect(r.error.message).toContain('like 127.0.0.1:62893');
    }
  });
});
