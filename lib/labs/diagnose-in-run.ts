import 'server-only';
import { join } from 'node:path';
import { diagnose, type DiagnoseResult } from '@/lib/diagnosis';
import type { Diagnosis, Intent } from '@/lib/diagnosis/types';
import { runCommand } from '@/lib/exec';
import type { ActiveRun } from './runs';

const DOCTOR_CLI = ['--conditions=react-server', join(process.cwd(), 'bin', 'doctor.ts')];
const TSX_CLI = join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');

/**
 * The real engine where the run's situation is: this process for a loopback lab, and for a lab in its own
 * network namespace the doctor's CLI started inside that namespace (a process can only see and probe the
 * sockets of the namespace it is in, so the engine has to run there; nothing is reimplemented).
 */
export async function diagnoseInRun(run: ActiveRun, target: string, intent: Intent): Promise<DiagnoseResult> {
  const ns = run.resources.namespace;
  if (!ns) return diagnose(target, { intent });
  const result = await runCommand(
    'ip',
    [
      'netns',
      'exec',
      ns,
      process.execPath,
      TSX_CLI,
      ...DOCTOR_CLI,
      target,
      '--json',
      ...(intent === 'start' ? ['--intent', 'start'] : []),
    ],
    { timeoutMs: 30_000, env: { ...process.env, NO_COLOR: '1', LC_ALL: 'C', LANG: 'C' } },
  );
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    throw new Error(
      `the doctor inside namespace ${ns} gave no answer: ${(result.error ?? result.stderr).trim().slice(0, 300)}`,
    );
  }
  const body = parsed as Diagnosis | { error: { code: string; message: string } };
  if ('error' in body) return { ok: false, status: 400, error: body.error };
  return { ok: true, diagnosis: body };
}
