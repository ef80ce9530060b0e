import 'server-only';

/** What `ps -o pid=,lstart=,rss=,command=` tells about one process. */
export interface PsProcess {
  pid: number;
  startedAt: string | null;
  memoryBytes: number | null;
  command: string | null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function psArgs(pids: number[]): string[] {
  return ['-o', 'pid=,lstart=,rss=,command=', '-p', pids.join(',')];
}

/**
 * Parses lines like
 *    812 Mon Jan  6 09:14:03 2025  14208 /usr/local/bin/node server.js
 * lstart is local time in the C locale (runCommand sets LC_ALL=C), so it is read with the host's
 * time zone; rss is in KiB.
 */
export function parsePsLstart(text: string): Map<number, PsProcess> {
  const result = new Map<number, PsProcess>();
  const line =
    /^\s*(\d+)\s+\w{3}\s+(\w{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})\s+(\d{4})\s+(\d+)\s+(.*)$/;
  for (const raw of text.split('\n')) {
    const m = raw.trimEnd().match(line);
    if (!m) continue;
    const [, pid, month, day, hour, minute, second, year, rss, command] = m;
    const monthIndex = MONTHS.indexOf(month!);
    const started = new Date(
      Number(year),
      monthIndex,
      Number(day),
      Number(hour),
      Number(minute),
      Number(second),
    );
    result.set(Number(pid), {
      pid: Number(pid),
      startedAt: monthIndex >= 0 ? started.toISOString() : null,
      memoryBytes: Number(rss) * 1024,
      command: command || null,
    });
  }
  return result;
}
