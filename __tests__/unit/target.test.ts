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

describe('host names are host names', () => {
  test.each([
    'a;id;.localhost:7001',
    'a$(id).localhost:7001',
    'a`id`.localhost:7001',
    'a&b.localhost:3000',
    '-x.localhost:3000',
    'a{b}.localhost:3000',
  ])('%s is invalid-target with a sentence that says why', (text) => {
    const r = parseTarget(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-target');
      expect(r.error.message).toContain('is not a host name');
    }
  });

  test('IDNA names are punycoded by the URL parser and accepted; underscores (compose service names) too', () => {
    const idn = parseTarget('bücher.localhost:3000');
    expect(idn.ok && idn.target.host).toBe('xn--bcher-kva.localhost');
    const compose = parseTarget('my_db:5432');
    expect(compose.ok && compose.target.host).toBe('my_db');
  });

  test('a label over 63 characters or a name over 253 is refused', () => {
    expect(parseTarget(`${'a'.repeat(64)}.localhost:3000`).ok).toBe(false);
    expect(parseTarget(`${'a'.repeat(63)}.localhost:3000`).ok).toBe(true);
    expect(parseTarget(`${Array(64).fill('abc').join('.')}.localhost:3000`).ok).toBe(false);
  });

  test('paths and queries keep their characters, percent-encoded as a browser would', () => {
    const r = parseTarget('localhost:3000/app?x=1&y=2');
    expect(r.ok && r.target.path).toBe('/app?x=1&y=2');
    const odd = parseTarget('localhost:3000/a b'.replace(' ', '%20') + '?q="x"');
    expect(odd.ok && odd.target.path).toBe('/a%20b?q=%22x%22');
  });
});
