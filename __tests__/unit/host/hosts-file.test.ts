import { darwinAdapter } from '@/lib/host/darwin';
import { lookupHostsFile } from '@/lib/host/hosts-file';
import { linuxAdapter } from '@/lib/host/linux';
import { win32HostsFilePath } from '@/lib/host/win32/hosts-file';

// A hosts file as people really write them: comments, tabs, aliases, CRLF (Windows), junk lines.
const FIXTURE = [
  '# /etc/hosts',
  '127.0.0.1\tlocalhost',
  '::1     localhost ip6-localhost ip6-loopback',
  '127.0.1.1 devbox.lan devbox   # the machine itself',
  '127.0.0.1 myapp.test api.myapp.test',
  '::1 myapp.test',
  '127.0.0.1 myapp.test',
  '10.0.0.7 printer.lan',
  '# 127.0.0.1 commented.test',
  'not-an-address broken.test',
  'fe80::1%lo0 zoned.test',
  '192.168.1.9',
  '',
].join('\r\n');

describe('hosts file lookup (no resolver, no DNS)', () => {
  test('every address of a name, in file order, each once, aliases and case included', () => {
    expect(lookupHostsFile(FIXTURE, 'myapp.test')).toEqual([
      { address: '127.0.0.1', family: 'IPv4' },
      { address: '::1', family: 'IPv6' },
    ]);
    expect(lookupHostsFile(FIXTURE, 'API.MyApp.Test.')).toEqual([{ address: '127.0.0.1', family: 'IPv4' }]);
    expect(lookupHostsFile(FIXTURE, 'devbox')).toEqual([{ address: '127.0.1.1', family: 'IPv4' }]);
  });

  test('a name that maps elsewhere is returned as it is (the target policy refuses it)', () => {
    expect(lookupHostsFile(FIXTURE, 'printer.lan')).toEqual([{ address: '10.0.0.7', family: 'IPv4' }]);
  });

  test.each(['zzz.example', 'commented.test', 'broken.test', 'test', 'myapp', '', '#'])(
    '%j is not in it',
    (name) => expect(lookupHostsFile(FIXTURE, name)).toEqual([]),
  );

  test('an empty or unreadable file knows no names', () => {
    expect(lookupHostsFile('', 'localhost')).toEqual([]);
  });

  test('where each OS keeps it', () => {
    expect(linuxAdapter.hostsFilePath()).toBe('/etc/hosts');
    expect(darwinAdapter.hostsFilePath()).toBe('/etc/hosts');
    expect(win32HostsFilePath({ SystemRoot: 'D:\\Win' })).toBe('D:\\Win\\System32\\drivers\\etc\\hosts');
    expect(win32HostsFilePath({})).toBe('C:\\Windows\\System32\\drivers\\etc\\hosts');
  });
});
