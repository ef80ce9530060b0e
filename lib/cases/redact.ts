/**
 * What leaves the machine in a case file: every string of it (facts, findings, fix commands, notes) with
 * secrets, home paths and, on request, the host name replaced. Each redaction has a stable id (from what it
 * hides), so a person can see the list and keep any of them before sharing; the same file with the same
 * keep list always gives the same result. Used by every export and by the CLI.
 */
import { createHash } from 'node:crypto';
import { homedir, hostname } from 'node:os';
import type { CaseFile } from './schema';
import { secretSpans, wordSpans, type SecretKind, type Span } from './secret-rules';

export type RedactionKind = SecretKind | 'home-path' | 'hostname';

export interface Redaction {
  id: string;
  kind: RedactionKind;
  /** JSON path of the first place it was found ("entries[0].payload.diagnosis.facts…argv[3]"). */
  where: string;
  /** Up to 20 places it was found, `where` first. */
  paths: string[];
  occurrences: number;
  original: string;
  replacement: string;
}

export interface RedactOptions {
  /** Ids the person chose to leave as they are. */
  keep?: readonly string[];
  /** Replace the machine's host name too. */
  hostname?: boolean;
  /** This machine's host name and home directory (lib/cases/this-machine.ts reads them). */
  machineHostname?: string | null;
  home?: string | null;
}

export interface Redacted<T> {
  value: T;
  redactions: Redaction[];
}

interface Leaf {
  path: string;
  text: string;
  /** Secrets only visible from the words around it: `--password` then `hunter2` in an argv list. */
  context: Span[];
}

const KEY = /^[A-Za-z_$][\w$]*$/;
const childPath = (path: string, key: string | number) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : KEY.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(key)}]`;

/** The words of a list: plain strings (argv) or a command script's `{ word }` parts. */
function wordsOf(list: readonly unknown[]): (string | null)[] | null {
  const words = list.map((v) =>
    typeof v === 'string'
      ? v
      : typeof v === 'object' && v !== null && typeof (v as { word?: unknown }).word === 'string'
        ? (v as { word: string }).word
        : null,
  );
  return words.some((w) => w !== null) ? words : null;
}

function collectLeaves(value: unknown, path: string, leaves: Map<string, Leaf>): void {
  if (typeof value === 'string') {
    if (!leaves.has(path)) leaves.set(path, { path, text: value, context: [] });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectLeaves(v, childPath(path, i), leaves));
    const words = wordsOf(value);
    if (words) {
      const present = words.flatMap((w, i) => (w === null ? [] : [{ i, text: w }]));
      for (const { index, span } of wordSpans(present.map((w) => ({ text: w.text, start: 0 })))) {
        const i = present[index]!.i;
        const leafPath =
          typeof value[i] === 'string' ? childPath(path, i) : childPath(childPath(path, i), 'word');
        leaves.get(leafPath)?.context.push(span);
      }
    }
    return;
  }
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) collectLeaves(v, childPath(path, k), leaves);
}

function rebuild(value: unknown, path: string, replaced: Map<string, string>): unknown {
  if (typeof value === 'string') return replaced.get(path) ?? value;
  if (Array.isArray(value)) return value.map((v, i) => rebuild(v, childPath(path, i), replaced));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, rebuild(v, childPath(path, k), replaced)]),
    );
  return value;
}

/** Overlapping secret spans become one, so no part of either survives. */
function union(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      if (s.end - s.start > last.end - last.start) last.kind = s.kind;
      last.end = Math.max(last.end, s.end);
    } else out.push({ ...s });
  }
  return out;
}

/** Non-overlapping spans, earlier and longer first (home paths and names: one replacement per place). */
function firstOfOverlapping<S extends { start: number; end: number }>(spans: S[]): S[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: S[] = [];
  for (const s of sorted) if (!out.length || s.start >= out[out.length - 1]!.end) out.push(s);
  return out;
}

function occurrences(text: string, needle: string, caseless = false): number[] {
  const hay = caseless ? text.toLowerCase() : text;
  const n = caseless ? needle.toLowerCase() : needle;
  const at: number[] = [];
  for (let i = hay.indexOf(n); i !== -1; i = hay.indexOf(n, i + n.length)) at.push(i);
  return at;
}

const isNameChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_.-]/.test(c);

type Placed = { start: number; end: number; kind: RedactionKind; replacement: string };

/** Another user's home directory keeps its shape but not the name: /home/<user>, /Users/<user>, C:\Users\<user>. */
const USER_HOME =
  /(\/home\/|\/Users\/|\b[A-Za-z]:\\Users\\)(?!Shared\b|Public\b|Default\b|<user>)([^/\\\s'"`:]+)/g;

function homeSpans(text: string, home: string | null | undefined): Placed[] {
  const spans: Placed[] = [];
  if (home && home.length > 1 && home !== '/')
    for (const at of occurrences(text, home))
      if (!isNameChar(text[at + home.length]))
        spans.push({ start: at, end: at + home.length, kind: 'home-path', replacement: '~' });
  for (const m of text.matchAll(USER_HOME))
    spans.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'home-path',
      replacement: `${m[1]}<user>`,
    });
  return firstOfOverlapping(spans);
}

function hostnameSpans(text: string, name: string): Placed[] {
  return occurrences(text, name, true)
    .filter(
      (at) => !/[A-Za-z0-9-]/.test(text[at - 1] ?? '') && !/[A-Za-z0-9-]/.test(text[at + name.length] ?? ''),
    )
    .map((at) => ({
      start: at,
      end: at + name.length,
      kind: 'hostname' as const,
      replacement: '<hostname>',
    }));
}

const redactionId = (kind: RedactionKind, original: string) =>
  `r-${createHash('sha256')
    .update(`${kind === 'home-path' || kind === 'hostname' ? kind : 'secret'}\0${original}`)
    .digest('hex')
    .slice(0, 12)}`;

/** A found secret shorter than this is replaced where it was found, but not searched for elsewhere. */
const MIN_ECHO_LENGTH = 4;

export function redactValue<T>(value: T, options: RedactOptions = {}): Redacted<T> {
  const keep = new Set(options.keep ?? []);
  const leaves = new Map<string, Leaf>();
  collectLeaves(value, '', leaves);

  // Pass 1: where each string shows a secret itself; pass 2 also finds every echo of those secrets
  // (a password read from argv, quoted again inside a fix command or a finding's detail).
  const direct = new Map<string, Span[]>();
  const secrets = new Map<string, SecretKind>();
  for (const leaf of leaves.values()) {
    const spans = union([...secretSpans(leaf.text), ...leaf.context]);
    direct.set(leaf.path, spans);
    for (const s of spans)
      if (!secrets.has(leaf.text.slice(s.start, s.end))) secrets.set(leaf.text.slice(s.start, s.end), s.kind);
  }
  const echoes = [...secrets].filter(([s]) => s.length >= MIN_ECHO_LENGTH);

  const records = new Map<string, Redaction>();
  const replaced = new Map<string, string>();
  const apply = (path: string, text: string, spans: Placed[]): string => {
    let out = '';
    let from = 0;
    for (const s of spans) {
      const original = text.slice(s.start, s.end);
      const id = redactionId(s.kind, original);
      const record = records.get(id) ?? {
        id,
        kind: s.kind,
        where: path,
        paths: [],
        occurrences: 0,
        original,
        replacement: s.replacement,
      };
      records.set(id, record);
      record.occurrences++;
      if (record.paths.length < 20 && !record.paths.includes(path)) record.paths.push(path);
      if (keep.has(id)) continue;
      out += text.slice(from, s.start) + s.replacement;
      from = s.end;
    }
    return out + text.slice(from);
  };

  const hostname =
    options.hostname &&
    options.machineHostname &&
    options.machineHostname.length > 1 &&
    options.machineHostname !== 'localhost'
      ? options.machineHostname
      : null;
  for (const leaf of leaves.values()) {
    const spans = [...direct.get(leaf.path)!];
    for (const [secret, kind] of echoes)
      for (const at of occurrences(leaf.text, secret))
        spans.push({ start: at, end: at + secret.length, kind });
    let text = apply(
      leaf.path,
      leaf.text,
      union(spans).map((s) => ({ ...s, replacement: `[REDACTED:${s.kind}]` })),
    );
    text = apply(leaf.path, text, homeSpans(text, options.home));
    if (hostname) text = apply(leaf.path, text, hostnameSpans(text, hostname));
    if (text !== leaf.text) replaced.set(leaf.path, text);
  }
  return { value: rebuild(value, '', replaced) as T, redactions: [...records.values()] };
}

/**
 * The case file as it may leave this machine: redactValue with this machine's home directory and host
 * name (the ones a diagnosis gathered here would contain). The file's own hostname field goes too when asked.
 */
export function redactCase(
  caseFile: CaseFile,
  options: {
    keep?: readonly string[];
    hostname?: boolean;
    home?: string | null;
    machineHostname?: string | null;
  } = {},
): { caseFile: CaseFile; redactions: Redaction[] } {
  const { value, redactions } = redactValue(caseFile, {
    keep: options.keep,
    hostname: options.hostname,
    home: options.home === undefined ? homedir() : options.home,
    machineHostname:
      options.machineHostname === undefined
        ? (caseFile.machine.hostname ?? hostname())
        : options.machineHostname,
  });
  return { caseFile: value, redactions };
}
