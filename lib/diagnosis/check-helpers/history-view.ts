/**
 * Reading facts.history for the memory checks: the recorded events, how to quote them ("closed at
 * 14:02:11, 3 minutes ago"), and the commands to start a recorded program again or see why it exited. Pure.
 */
import { everywhereFixes, shellFix } from '@/lib/diagnosis/fix';
import type { Facts, Fix } from '@/lib/diagnosis/types';
import { isHistoryUnavailable, type ListenerEvent, type PortHistory } from '@/lib/history/types';
import { hostPort } from '@/lib/net';
import { UnquotableError } from '@/lib/shell/quote';
import { cmd, env, op, type Part } from '@/lib/shell/script';
import { rebindAdvice, splitCommandString } from '@/lib/stacks';
import { capOutside, quoteOutside } from '@/lib/text/outside';

/** The recorded history of the target's port; null when it was not read or recording is paused. */
export function portHistory(facts: Facts): PortHistory | null {
  const fact = facts.history;
  if (!fact || fact.status !== 'ok' || isHistoryUnavailable(fact.value)) return null;
  return fact.value;
}

const two = (n: number) => String(n).padStart(2, '0');

/** '14:02:11' in this machine's local time: what the user's own clock showed when it happened. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** 'just now', '1 minute ago', '3 minutes ago', '2 hours ago', '1 day ago'. */
export function ago(iso: string, nowIso: string): string {
  const seconds = Math.max(0, Math.round((Date.parse(nowIso) - Date.parse(iso)) / 1000));
  if (seconds < 60) return seconds < 5 ? 'just now' : `${seconds} seconds ago`;
  const [n, unit] =
    seconds < 3600
      ? [Math.floor(seconds / 60), 'minute']
      : seconds < 86400
        ? [Math.floor(seconds / 3600), 'hour']
        : [Math.floor(seconds / 86400), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
}

/** '14:02:11 (3 minutes ago)' */
export function when(iso: string, nowIso: string): string {
  return `${clockTime(iso)} (${ago(iso, nowIso)})`;
}

/** 'node (pid 812, user dev)' for a recorded owner. */
export function recordedOwner(e: ListenerEvent): string {
  if (e.pid === null) return 'a process whose owner could not be read';
  return `${e.process ?? 'a process'} (pid ${e.pid}${e.user ? `, user ${e.user}` : ''})`;
}

const VERB: Record<ListenerEvent['kind'], string> = {
  opened: 'opened',
  closed: 'closed',
  'owner-changed': 'changed owner to',
};

/** 'closed 14:02:11 (3 minutes ago): node (pid 812, user dev) on 127.0.0.1:5173' */
export function quoteEvent(e: ListenerEvent, nowIso: string): string {
  return `${VERB[e.kind]} ${when(e.at, nowIso)}: ${recordedOwner(e)} on ${hostPort(e.address, e.port)}`;
}

/** The newest `max` events as one sentence part, newest first. */
export function quoteEvents(events: readonly ListenerEvent[], nowIso: string, max = 6): string {
  const shown = events.slice(0, max).map((e) => quoteEvent(e, nowIso));
  const more = events.length > max ? `; and ${events.length - max} earlier` : '';
  return `${shown.join('; ')}${more}`;
}

/** lib/host cuts long command lines with this note: a cut command is not one to hand back. */
const CUT = /… \(cut: \d+ more/;
const QUOTED_COMMAND_MAX = 160;

export function quotedCommand(command: string): string {
  return quoteOutside(capOutside(command, QUOTED_COMMAND_MAX));
}

/**
 * `cd <cwd> && <its command>`, quoted by lib/shell for each shell. A recognised program (lib/stacks) is
 * started with its own command on the address it held; anything else with the words it was started with
 * (split from the recorded line: a word that held a space was recorded as two).
 */
export function startAgainFixes(e: ListenerEvent): { fixes: Fix[]; name: string | null } {
  if (!e.command || CUT.test(e.command)) return { fixes: [], name: null };
  const advice = rebindAdvice(
    { argv: e.argv, command: e.command, executable: e.process, cwd: e.cwd },
    { host: e.address, port: e.port, from: { host: e.address, port: e.port } },
  );
  const own =
    advice.kind === 'recognised' ? advice.rebind.commands.find((c) => c.kind === 'same-command') : undefined;
  const argv = own?.argv ?? (e.argv && e.argv.length > 0 ? e.argv : splitCommandString(e.command));
  const envs = Object.entries(own?.env ?? {}).map(([k, v]) => env(k, v));
  const run: Part[] = [...envs, ...cmd(...argv)];
  const script = e.cwd ? [...cmd('cd', e.cwd), op('&&'), ...run] : run;
  const name = advice.kind === 'recognised' ? advice.match.name : null;
  const label = e.cwd
    ? `Start it again from ${e.cwd}, as it was started`
    : 'Start it again, as it was started';
  try {
    return { fixes: everywhereFixes(label, script), name };
  } catch (err) {
    if (err instanceof UnquotableError) return { fixes: [], name };
    throw err;
  }
}

/** Where a process that exited left its last words: the journal (Linux), the unified log (macOS). */
export function whyItExitedFixes(e: ListenerEvent): Fix[] {
  if (e.pid === null) return [];
  return [
    shellFix(
      'linux',
      `See what pid ${e.pid} wrote to the journal (a service's output goes there)`,
      cmd('journalctl', `_PID=${e.pid}`, '--no-pager', '-n', '50'),
    ),
    shellFix(
      'darwin',
      `See what pid ${e.pid} logged in its last hour`,
      cmd('log', 'show', '--last', '1h', '--predicate', `processID == ${e.pid}`),
    ),
  ];
}

/** The sentence that goes with whyItExitedFixes: where else its reason may be. */
export const WHY_IT_EXITED =
  'To see why it exited, look at the terminal it ran in (its last lines), its own log file, or the journal when it ran as a service (commands below).';
