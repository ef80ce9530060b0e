import 'server-only';
import { parseCsv } from '@/lib/host/win32/csv';
import type { ProcessInfo } from '@/lib/host/linux/processes';

/*
 * Windows process details come from CIM (Win32_Process) rather than `tasklist`, because tasklist has
 * no command line or start time, and those are what tell one node.exe from another. The script is a
 * constant: nothing from the outside is ever put into it. Dates are printed as ISO in UTC so the
 * output does not depend on the display culture; UTF-8 so non-ASCII paths survive.
 */
export const WIN32_PROCESS_SCRIPT = [
  '[Console]::OutputEncoding = [Text.Encoding]::UTF8;',
  'Get-CimInstance Win32_Process |',
  "Select-Object ProcessId, Name, CommandLine, WorkingSetSize, @{n='StartedAt';e={if ($_.CreationDate) { $_.CreationDate.ToUniversalTime().ToString('o') }}} |",
  'ConvertTo-Csv -NoTypeInformation',
].join(' ');

/** ConvertTo-Csv output of WIN32_PROCESS_SCRIPT → pid → details. Columns are found by header name. */
export function parseWin32Processes(csv: string): Map<number, ProcessInfo> {
  const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const result = new Map<number, ProcessInfo>();
  if (!header) return result;
  const col = (name: string) => header.indexOf(name);
  const [pidAt, nameAt, commandAt, memoryAt, startedAt] = [
    'ProcessId',
    'Name',
    'CommandLine',
    'WorkingSetSize',
    'StartedAt',
  ].map(col);
  for (const row of rows) {
    const pid = Number(row[pidAt!]);
    if (!Number.isInteger(pid)) continue;
    const memory = Number(row[memoryAt!]);
    const started = row[startedAt!] ? new Date(row[startedAt!]!) : null;
    result.set(pid, {
      pid,
      name: row[nameAt!] || null,
      // Null for other users' elevated processes when we are not elevated ourselves.
      command: row[commandAt!]?.trim() || null,
      // A Windows CommandLine is one string; lib/stacks splits it where it needs words.
      argv: null,
      executable: null,
      uid: null,
      // The owner needs a per-process WMI call (GetOwner) that costs seconds; left unknown on purpose.
      user: null,
      startedAt: started && !Number.isNaN(started.getTime()) ? started.toISOString() : null,
      memoryBytes: row[memoryAt!] && Number.isFinite(memory) ? memory : null,
    });
  }
  return result;
}
