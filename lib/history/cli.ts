import 'server-only';
import { renderJson } from '@/lib/cli/render';
import { hostPort } from '@/lib/net';
import { getStore, type ListenerEvent } from '@/lib/store';
import { forTerminal, forTerminalLines } from '@/lib/text/outside';
import { portEvents } from './query';
import { historyQuery } from './schema';

export const HISTORY_USAGE =
  'usage: npm run doctor -- history <port> [--json] [--since ISO-time] [--limit 1-1000]\n  e.g. npm run doctor -- history 5173';

type Parsed =
  { ok: true; port: number; since?: string; limit: number; json: boolean } | { ok: false; message: string };

/** Reads `history <port> …` (the words after "history"); the same validation as GET /api/history. */
export function parseHistoryArgs(argv: readonly string[]): Parsed {
  let json = false;
  const query: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const option = a.match(/^--(since|limit)(?:=(.*))?$/);
    if (a === '--json') json = true;
    else if (option) query[option[1]!] = option[2] ?? argv[++i] ?? '';
    else if (a === '-h' || a === '--help') return { ok: false, message: HISTORY_USAGE };
    else if (a.startsWith('--')) return { ok: false, message: `unknown option ${a}\n${HISTORY_USAGE}` };
    else positional.push(a);
  }
  if (positional.length !== 1)
    return { ok: false, message: `expected one port, got ${positional.length}\n${HISTORY_USAGE}` };
  const parsed = historyQuery.safeParse({ ...query, port: positional[0] });
  if (!parsed.success) return { ok: false, message: `${parsed.error.issues[0]!.message}\n${HISTORY_USAGE}` };
  return { ok: true, json, ...parsed.data };
}

const two = (n: number) => String(n).padStart(2, '0');
function localTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** One line per event: when (local time), what, where, who, and how it was started. */
export function renderEventLine(e: ListenerEvent): string {
  const who =
    e.pid === null
      ? 'owner unknown'
      : `${e.process ?? '?'} (pid ${e.pid}${e.user ? `, user ${e.user}` : ''})`;
  const how = [e.command ? `  ${e.command}` : '', e.cwd ? `  in ${e.cwd}` : ''].join('');
  return forTerminal(
    `  ${localTime(e.at)}  ${e.kind.padEnd(13)}  ${e.protocol} ${hostPort(e.address, e.port)}  ${who}${how}`,
  );
}

/** `npm run doctor -- history <port>`: exit 0 with the events (or why recording is paused), 2 for bad input. */
export function runHistoryCli(argv: readonly string[], out = process.stdout, err = process.stderr): number {
  const args = parseHistoryArgs(argv);
  if (!args.ok) {
    err.write(forTerminalLines(args.message) + '\n');
    return 2;
  }
  const store = getStore();
  const result = portEvents(store, args);
  if (args.json) {
    const body = result.ok
      ? { port: args.port, events: result.events }
      : {
          port: args.port,
          events: [],
          unavailable: {
            reason: result.unavailable.reason,
            since: result.unavailable.since,
            retryAt: result.unavailable.retryAt,
          },
        };
    out.write(renderJson(body) + '\n');
    return 0;
  }
  if (!result.ok) {
    out.write(forTerminal(`History is paused (${store.dataDir}): ${result.unavailable.reason}`) + '\n');
    return 0;
  }
  const count = result.events.length;
  out.write(
    forTerminal(
      count === 0
        ? `Nothing recorded on port ${args.port} (history in ${store.dataDir}; the app records while it runs).`
        : `Port ${args.port}: ${count} event${count === 1 ? '' : 's'}, newest first (history in ${store.dataDir})`,
    ) + '\n',
  );
  for (const e of result.events) out.write(renderEventLine(e) + '\n');
  return 0;
}
