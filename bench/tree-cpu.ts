// CPU of a process and every descendant (the app server's launcher, the server, its spawner child and
// the commands that one runs), from /proc/<pid>/stat, in clock ticks. Shared by the CPU benches.
import { readdirSync, readFileSync } from 'node:fs';

/** utime + stime of pid and every live descendant, in clock ticks (USER_HZ: 100 on Linux). */
export function treeTicks(root: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      // utime + stime, and cutime + cstime: commands that already exited count through their parent.
      stats.set(Number(d), {
        ppid: Number(f[1]),
        ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]),
      });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += stats.get(pid)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) queue.push(child);
  }
  return total;
}

export const CLK_TCK = 100;
