import 'server-only';
import { randomUUID } from 'node:crypto';
import { prepareTarget } from '@/lib/diagnosis';
import { createWatch, findWatchByTarget, getStore, type Watch } from '@/lib/store';
import { forTerminal, forTerminalLines } from '@/lib/text/outside';
import { canonicalWatchTarget, createWatchScheduler, type TargetSample } from '@/lib/watch';
import { parseWatchArgs } from './watch-args';

const clock = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour12: false });

/** One line per state: what a person scanning the terminal needs — when, which way, and why it is down. */
export function describeSample(target: string, s: TargetSample, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const detail = s.up
    ? [
        s.status !== null ? `HTTP ${s.status}` : 'accepts connections',
        s.connectMs !== null ? `connect ${s.connectMs} ms` : null,
      ]
        .filter(Boolean)
        .join(', ')
    : forTerminal(s.error ?? 'no answer');
  const mark = s.up ? paint('32', '▲ up') : paint('31', '▼ down');
  return `${clock(s.at)}  ${mark}  ${forTerminal(target)} — ${detail}`;
}

/**
 * `doctor watch <target>`: probes the target itself (no app needed) every interval, records the samples in
 * DATA_DIR as the app's watches do (the same watch when the app already watches that target), prints the
 * current state once and then each flip. Resolves with the exit code when Ctrl-C (or SIGTERM) ends it.
 */
export async function runWatchCli(argv: string[], color: boolean): Promise<number> {
  const parsed = parseWatchArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(forTerminalLines(parsed.message) + '\n');
    return 2;
  }
  const prepared = await prepareTarget(parsed.args.target);
  if (!prepared.ok) {
    process.stderr.write(`${forTerminal(prepared.error.message)}\n`);
    return 2;
  }
  const target = canonicalWatchTarget(prepared.target);
  const store = getStore();
  const stored = store.write(
    (db) =>
      findWatchByTarget(db, target) ??
      createWatch(db, { target, intervalSeconds: parsed.args.intervalSeconds }),
  );
  // Recording is a bonus: with a paused store the watch still runs and prints, it just keeps nothing.
  const watch: Watch = stored.ok
    ? { ...stored.value, intervalSeconds: parsed.args.intervalSeconds }
    : {
        id: randomUUID(),
        target,
        intervalSeconds: parsed.args.intervalSeconds,
        createdAt: new Date().toISOString(),
      };
  process.stdout.write(
    `Watching ${forTerminal(target)} every ${watch.intervalSeconds} s` +
      (stored.ok
        ? ` (samples recorded in ${forTerminal(store.dataDir)}, watch ${watch.id}). Ctrl-C stops.\n`
        : ` (not recorded: ${forTerminal(stored.reason)}). Ctrl-C stops.\n`),
  );
  const scheduler = createWatchScheduler(store, {
    keepAlive: true,
    onSample: (_w, s, previous) => {
      if (previous === null || previous.up !== s.up)
        process.stdout.write(describeSample(target, s, color) + '\n');
    },
  });
  scheduler.add(watch);
  return new Promise((resolve) => {
    const stop = () => {
      scheduler.stopAll();
      store.close();
      process.stdout.write('Stopped watching.\n');
      resolve(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
