import { z } from 'zod';

export type CliArgs = { target: string; json: boolean; intent: 'reach' | 'start' };

const intent = z.enum(['reach', 'start'], { message: '--intent must be "start" or "reach"' });

export const USAGE =
  'usage: npm run doctor -- <target> [--json] [--intent start]\n  e.g. npm run doctor -- localhost:3000';

/** Reads argv (after the script name). Returns the error sentence instead of throwing. */
export function parseCliArgs(argv: string[]): { ok: true; args: CliArgs } | { ok: false; message: string } {
  let json = false;
  let intentValue: string = 'reach';
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--intent') intentValue = argv[++i] ?? '';
    else if (a.startsWith('--intent=')) intentValue = a.slice('--intent='.length);
    else if (a === '-h' || a === '--help') return { ok: false, message: USAGE };
    else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}\n${USAGE}` };
    else positional.push(a);
  }
  if (positional.length !== 1)
    return { ok: false, message: `expected one target, got ${positional.length}\n${USAGE}` };
  const parsedIntent = intent.safeParse(intentValue);
  if (!parsedIntent.success) return { ok: false, message: parsedIntent.error.issues[0]!.message };
  return { ok: true, args: { target: positional[0]!, json, intent: parsedIntent.data } };
}
