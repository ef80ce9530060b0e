/** The per-OS socket-table readers that tell which user holds the client end of a loopback connection. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseProcNet } from '@/lib/host/linux/procnet';
import { linuxPeer, peerFromRows } from '@/lib/host/linux/peer';
import { peerFromLsof } from '@/lib/host/darwin/peer';
import { accountFromTasklist, pidFromNetstat } from '@/lib/host/win32/peer';
import { localPeer } from '@/lib/host/peer';
import { unsupportedAdapter } from '@/lib/host/unsupported';

// A client 127.0.0.1:52044 (0xCB4C) of a server on 127.0.0.1:6280 (0x1888), on a little-endian machine.
const ends = { clientAddress: '127.0.0.1', clientPort: 52044, serverAddress: '127.0.0.1', serverPort: 6280 };
const HEADER =
  '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
const row = (sl: number, local: string, remote: string, st: string, uid: number, inode: number) =>
  `  ${sl}: ${local} ${remote} ${st} 00000000:00000000 00:00000000 00000000 ${uid} 0 ${inode} 1 0000000000000000 20 4 30 10 -1\n`;
const LISTENER = row(0, '0100007F:1888', '00000000:0000', '0A', 0, 111);
const OURS = row(1, '0100007F:1888', '0100007F:CB4C', '01', 0, 222);
const CLIENT = row(2, '0100007F:CB4C', '0100007F:1888', '01', 65534, 333);
// What the kernel prints for a closed client end (TIME_WAIT, or an orphaned FIN_WAIT2): uid 0, inode 0.
const TIME_WAIT = row(3, '0100007F:CB4C', '0100007F:1888', '06', 0, 0);

test('Linux: the client row (local = client, remote = us) gives the uid, never our own accepted socket', () => {
  expect(peerFromRows(parseProcNet(HEADER + LISTENER + OURS + CLIENT, true), ends)).toEqual({
    kind: 'uid',
    uid: 65534,
  });
  // Our own socket alone (uid 0, the app's) must not pass for the client.
  expect(peerFromRows(parseProcNet(HEADER + LISTENER + OURS, true), ends)).toBeNull();
});

test('Linux: a row with no socket behind it (inode 0, printed as uid 0) proves nothing', () => {
  expect(peerFromRows(parseProcNet(HEADER + OURS + TIME_WAIT, true), ends)).toBeNull();
});

test('Linux: an IPv6 socket connected to 127.0.0.1 (tcp6, ::ffff:127.0.0.1) is found', () => {
  const mapped = '0000000000000000FFFF00000100007F';
  const v6 = row(0, `${mapped}:CB4C`, `${mapped}:1888`, '01', 1000, 444);
  expect(peerFromRows(parseProcNet(HEADER + v6, true), ends)).toEqual({ kind: 'uid', uid: 1000 });
});

test('Linux: linuxPeer reads tcp, then tcp6, from a /proc tree; unknown when neither has the client', () => {
  const proc = mkdtempSync(join(tmpdir(), 'ld-peer-'));
  mkdirSync(join(proc, 'net'));
  writeFileSync(join(proc, 'net', 'tcp'), HEADER + LISTENER + OURS);
  writeFileSync(join(proc, 'net', 'tcp6'), HEADER);
  expect(linuxPeer(ends, proc).kind).toBe('unknown');
  writeFileSync(join(proc, 'net', 'tcp'), HEADER + LISTENER + OURS + CLIENT);
  expect(linuxPeer(ends, proc)).toEqual({ kind: 'uid', uid: 65534 });
});

// `lsof -nP -a -iTCP@127.0.0.1:52044 -F pun` on macOS, run as root: both ends are listed.
const LSOF = [
  'p901',
  'u0',
  'f31',
  'n127.0.0.1:6280->127.0.0.1:52044',
  'p812',
  'u501',
  'f23',
  'n127.0.0.1:52044->127.0.0.1:6280',
  '',
].join('\n');

test('macOS: the lsof file running from the client to us gives its process owner', () => {
  expect(peerFromLsof(LSOF, ends)).toEqual({ kind: 'uid', uid: 501 });
  expect(peerFromLsof(LSOF.split('p812')[0]!, ends)).toBeNull();
  expect(
    peerFromLsof('p7\nu501\nf4\nn[::1]:52044->[::1]:6280\n', {
      ...ends,
      clientAddress: '::1',
      serverAddress: '::1',
    }),
  ).toEqual({ kind: 'uid', uid: 501 });
});

// `netstat -ano -p TCP` and `tasklist /v /fo csv /nh /fi "PID eq 7311"` on Windows 11.
const NETSTAT = `
Active Connections

  Proto  Local Address          Foreign Address        State           PID
  TCP    127.0.0.1:6280         0.0.0.0:0              LISTENING       4242
  TCP    127.0.0.1:6280         127.0.0.1:52044        ESTABLISHED     4242
  TCP    127.0.0.1:52044        127.0.0.1:6280         ESTABLISHED     7311
`.replace(/\n/g, '\r\n');
const TASKLIST =
  '"chrome.exe","7311","Console","1","150,224 K","Running","DESKTOP-1\\alice","0:00:12","N/A"\r\n';

test('Windows: netstat gives the client socket pid, tasklist its account; N/A is no answer', () => {
  expect(pidFromNetstat(NETSTAT, ends)).toBe(7311);
  expect(pidFromNetstat(NETSTAT.split('  TCP    127.0.0.1:52044')[0]!, ends)).toBeNull();
  expect(accountFromTasklist(TASKLIST)).toBe('DESKTOP-1\\alice');
  expect(accountFromTasklist(TASKLIST.replace('DESKTOP-1\\alice', 'N/A'))).toBeNull();
  expect(
    accountFromTasklist('INFO: No tasks are running which match the specified criteria.\r\n'),
  ).toBeNull();
});

test('an OS without a reader is unknown, never a guess', async () => {
  expect((await localPeer(ends, unsupportedAdapter('aix'))).kind).toBe('unknown');
});
