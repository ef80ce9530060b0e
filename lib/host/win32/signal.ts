import 'server-only';
import { runCommand } from '@/lib/exec';
import type { StopSignal } from '@/lib/host/actions/stop-decision';
import type { SignalFailure } from '@/lib/host/types';

/** Windows has no signals: taskkill asks the process to close, and with /F terminates it. */
export async function taskkill(pid: number, signal: StopSignal): Promise<SignalFailure | null> {
  const r = await runCommand('taskkill', ['/PID', String(pid), ...(signal === 'SIGKILL' ? ['/F'] : [])]);
  if (r.code === 0) return null;
  const reason = r.error ?? (r.stderr.trim() || `taskkill exited with ${r.code}`);
  const refused = /access is denied/i.test(reason);
  // Console programs refuse a polite taskkill ("can only be terminated forcefully"): force is the next step.
  return { refused, reason, forceNext: !refused && signal === 'SIGTERM' };
}
