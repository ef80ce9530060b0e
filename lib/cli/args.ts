import { z } from 'zod';
import { CASE_FORMATS, type CaseFormat } from '@/lib/cases/export';

export type CliArgs = {
  target: string;
  json: boolean;
  intent: 'reach' | 'start';
  /** --report md|json|html: write a case file of this one diagnosis instead (lib/cases). */
  report?: CaseFormat;
  /** --no-redact: the case file as it is, secrets included. */
  redact?: boolean;
  /** --out file: where the case file goes (stdout otherwise). */
  out?: string;
};

const intent = z.enum(['reach', 'start'], { message: '--intent must be "start" or "reach"' });
const report = z.enum(CASE_FORMATS, { message: '--report must be md, json or html' });

export const USAGE =
  'usage: npm run doctor -- <target> [--json] [--intent start] [--report md|json|html [--no-redact] [--out file]]\n  e.g. npm run doctor -- localhost:3000';

/** Reads argv (after the script name). Returns the error sentence instead of throwing. */
export function parseCliArgs(argv: string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  let json = false;
  let intentValue: string = 'reach';
  const positional: string[] = [];
  const caseOptions: { report?: string; redact?: boolean; out?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--intent') intentValue = argv[++i] ?? '';
    else if (a.startsWith('--intent=')) intentValue = a.slice('--intent='.length);
    else if (a === '--report' || a === '--out')
      caseOptions[a === '--report' ? 'report' : 'out'] = argv[++i] ?? '';
    else if (a.startsWith('--report=')) caseOptions.report = a.slice('--report='.length);
    else if (a.startsWith('--out=')) caseOptions.out = a.slice('--out='.length);
    else if (a === '--no-redact') caseOptions.redact = false;
    else if (a === '-h' || a === '--help') return { ok: false, message: USAGE };
    else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}\n${USAGE}` };
    else positional.push(a);
  }
  if (positional.length !== 1)
    return { ok: false, message: `expected one target, got ${positional.length}\n${USAGE}` };
  const parsedIntent = intent.safeParse(intentValue);
  if (!parsedIntent.success) return { ok: false, message: parsedIntent.error.issues[0]!.message };
  const args: CliArgs = { target: positional[0]!, json, intent: parsedIntent.data };
  if (caseOptions.report === undefined) {
    if (caseOptions.out !== undefined || caseOptions.redact !== undefined)
      return { ok: false, message: `--out and --no-redact go with --report\n${USAGE}` };
    return { ok: true, args };
  }
  const parsedReport = report.safeParse(caseOptions.report);
  if (!parsedReport.success) return { ok: false, message: parsedReport.error.issues[0]!.message };
  if (caseOptions.out === '') return { ok: false, message: '--out needs a file name' };
  return {
    ok: true,
    args: { ...args, report: parsedReport.data, redact: caseOptions.redact ?? true, out: caseOptions.out },
  };
}
