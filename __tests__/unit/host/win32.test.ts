import { parseCsv } from '@/lib/host/win32/csv';
import { win32ListenerRows } from '@/lib/host/win32/listeners';
import { parseWin32Netstat } from '@/lib/host/netstat';
import { parseWin32Processes, WIN32_PROCESS_SCRIPT } from '@/lib/host/win32/processes';
import { fixture } from './read-fixture';

describe('netstat -ano (Windows)', () => {
  const rows = parseWin32Netstat(fixture('win32-netstat.txt'));

  it('reads IPv4 and bracketed IPv6 rows with their pid, and maps Windows state names', () => {
    expect(rows).toContainEqual({
      protocol: 'tcp',
      family: 'IPv6',
      localAddress: '::1',
      localPort: 5432,
      remoteAddress: '::',
      remotePort: 0,
      state: 'LISTEN',
      pid: 4412,
    });
    expect(rows).toContainEqual(
      expect.objectContaining({ localPort: 62893, remotePort: 51000, state: 'ESTABLISHED', pid: 9480 }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ state: 'TIME_WAIT', pid: 0 }));
    expect(rows).toContainEqual(expect.objectContaining({ state: 'SYN_SENT', pid: 12044 }));
  });

  it('reads UDP rows, which have no state column, including a scoped link-local address', () => {
    expect(rows).toContainEqual(
      expect.objectContaining({
        protocol: 'udp',
        localAddress: 'fe80::1c2d:3e4f:5a6b:7c8d%12',
        localPort: 1900,
        pid: 3304,
        state: null,
      }),
    );
  });

  it('recognises a listener by its zero remote port, whatever language the state is printed in', () => {
    const german = '  TCP    127.0.0.1:62893        0.0.0.0:0              ABHÖREN         9480\r\n';
    expect(parseWin32Netstat(german)[0]?.state).toBe('LISTEN');
  });

  it('keeps TCP listeners and unconnected UDP sockets as listener rows', () => {
    const listeners = win32ListenerRows(rows, ['tcp', 'udp']);
    expect(listeners.map((r) => `${r.protocol} ${r.address}:${r.port} ${r.pid}`)).toEqual([
      'tcp 0.0.0.0:135 1052',
      'tcp 0.0.0.0:445 4',
      'tcp 127.0.0.1:62893 9480',
      'tcp :::135 1052',
      'tcp :::445 4',
      'tcp ::1:5432 4412',
      'udp 0.0.0.0:5353 2620',
      'udp 0.0.0.0:5353 7716',
      'udp :::5353 2620',
      'udp fe80::1c2d:3e4f:5a6b:7c8d%12:1900 3304',
    ]);
    expect(win32ListenerRows(rows, ['tcp'], 62893)).toHaveLength(1);
  });
});

describe('Win32_Process CSV (PowerShell ConvertTo-Csv)', () => {
  const processes = parseWin32Processes(fixture('win32-processes.csv'));

  it('reads quoted command lines with embedded quotes and commas', () => {
    expect(processes.get(7716)).toEqual({
      pid: 7716,
      name: 'My App, Beta.exe',
      command: '"C:\\Users\\Alice Smith\\AppData\\Local\\My App\\My App, Beta.exe" --flag="a,b"',
      argv: null,
      executable: null,
      uid: null,
      user: null,
      startedAt: '2025-01-07T11:30:00.000Z',
      memoryBytes: 150732800,
    });
  });

  it('leaves what Windows did not tell as null', () => {
    expect(processes.get(0)).toMatchObject({
      name: 'System Idle Process',
      command: null,
      startedAt: null,
      memoryBytes: 8192,
    });
    expect(processes.get(2620)?.command).toBeNull();
  });

  it('finds columns by header, so a reordered CSV still parses', () => {
    const reordered = '"Name","ProcessId"\r\n"node.exe","9480"\r\n';
    expect(parseWin32Processes(reordered).get(9480)?.name).toBe('node.exe');
  });

  it('runs a constant script that prints UTC ISO dates', () => {
    expect(WIN32_PROCESS_SCRIPT).toContain("ToUniversalTime().ToString('o')");
    expect(WIN32_PROCESS_SCRIPT).toContain('ConvertTo-Csv -NoTypeInformation');
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, empty fields, CRLF and line breaks inside quotes', () => {
    expect(parseCsv('a,"b ""c""",,d\r\n"multi\nline",x\n')).toEqual([
      ['a', 'b "c"', '', 'd'],
      ['multi\nline', 'x'],
    ]);
  });
});
