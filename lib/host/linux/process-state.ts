import 'server-only';
import { readFileSync } from 'node:fs';
import { START_TIME_TOLERANCE_MS, type LiveProcess } from '@/lib/host/actions/stop-decision';
import { readLinuxProcesses } from '@/lib/host/linux/processes';
import { pidExists } from '@/lib/host/process-signals';

function processState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** The process as /proc shows it now; null when there is no /proc/<pid>/stat, i.e. no such process. */
export function linuxLiveProcess(pid: number): LiveProcess | null {
  const p = readLinuxProcesses([pid]).get(pid);
  if (!p || p.startedAt === null) return null;
  return { pid, name: p.name, command: p.command, uid: p.uid, startedAt: p.startedAt };
}

/** Exists, is not a zombie, and still has the same start time (a new process may have taken the pid). */
export function linuxStillRunning(pid: number, startedAt: string | null): boolean {
  if (!pidExists(pid)) return false;
  const state = processState(pid);
  if (state === null || state === 'Z' || state === 'X') return false; // a zombie has exited, only unreaped
  const now = readLinuxProcesses([pid]).get(pid)?.startedAt ?? null;
  return !(startedAt && now && Math.abs(Date.parse(now) - Date.parse(startedAt)) > START_TIME_TOLERANCE_MS);
}
