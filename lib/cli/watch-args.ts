import { z } from 'zod';
import { DEFAULT_INTERVAL_SECONDS, intervalSeconds } from '@/lib/watch/schemas';

export const WATCH_USAGE =
  'usage: npm run doctor -- watch <target> [--interval S]\n  e.g. npm run doctor -- watch localhost:3000 --interval 2';

export interface WatchArgs {
  target: string;
  intervalSeconds: number;
}

const seconds = z
  .string()
  .regex(/^\d{1,4}$/, '--interval must be a whole number of seconds, like 5')
  .transform(Number)
  .pipe(intervalSeconds);

/** `watch <target> [--interval S]` (argv after "watch"). Returns the error sentence instead of throwing. */
export function parseWatchArgs(
  argv: string[],
): { ok: true; args: WatchArgs } | { ok: false; message: string } {
  let interval = String(DEFAULT_INTERVAL_SECONDS);
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--interval') interval = argv[++i] ?? '';
    else if (a.startsWith('--interval=')) interval = a.slice('--interval='.length);
    else if (a === '-h' || a === '--help') return { ok: false, message: WATCH_USAGE };
    else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}\n${WATCH_USAGE}` };
    else positional.push(a);
  }
  if (positional.length !== 1)
    return { ok: false, message: `expected one target, got ${positional.length}\n${WATCH_USAGE}` };
  const parsed = seconds.safeParse(interval);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]!.message.replace(/^intervalSeconds/, '--interval') };
  return { ok: true, args: { target: positional[0]!, intervalSeconds: parsed.data } };
}
