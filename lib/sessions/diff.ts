/**
 * What changed between two diagnoses of one target, in the words of the timeline: "no-listener → http-ok
 * after you started “python3 manage.py runserver”" — the command line as the process gave it, quoted as
 * outside text (lib/text/outside.ts), never as one of the doctor's own commands. Pure, so it is tested on fixture diagnoses.
 */
import type { Diagnosis, Finding, Severity } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import { capOutside, quoteOutside } from '@/lib/text/outside';
import type { SessionEntryView } from './entries';

// A process's command line is its own text, quoted as such and only as far as it names the program.
const QUOTED_COMMAND_MAX = 160;

export interface FindingBrief {
  id: string;
  severity: Severity;
  title: string;
}

export interface DiagnosisDiff {
  /** The finding that names each situation: the summary's cause, or http-ok when the address answers. */
  from: string;
  to: string;
  appeared: FindingBrief[];
  wentAway: FindingBrief[];
  /** What the person did in between that explains it, quoted ("you started “…”"); null when nothing did. */
  because: string | null;
  /** The whole change in one line, for the timeline. */
  sentence: string;
}

const brief = (f: Finding): FindingBrief => ({ id: f.id, severity: f.severity, title: f.title });

/** The one word for a diagnosis: a working address is http-ok even when warnings come first in the summary. */
export function situationOf(d: Diagnosis): string {
  if (d.summary.severity !== 'error' && d.findings.some((f) => f.id === 'http-ok')) return 'http-ok';
  return d.summary.cause ?? 'nothing-to-report';
}

function portListeners(d: Diagnosis): Listener[] {
  const { listeners } = d.facts;
  if (listeners.status !== 'ok') return [];
  return listeners.value.listeners.filter((l) => l.port === d.target.port);
}

const ownerKey = (l: Listener) => `${l.pid ?? '?'}|${l.startedAt ?? ''}`;

/** The command of a process that listens on the port now and did not before: what was started. */
function startedCommand(before: Diagnosis, after: Diagnosis): string | null {
  const had = new Set(portListeners(before).map(ownerKey));
  const started = portListeners(after).find((l) => l.pid !== null && !had.has(ownerKey(l)));
  if (!started) return null;
  const line = started.command ?? started.process;
  return line === null ? null : quoteOutside(capOutside(line, QUOTED_COMMAND_MAX));
}

function stoppedProcess(before: Diagnosis, after: Diagnosis): Listener | null {
  const has = new Set(portListeners(after).map(ownerKey));
  return portListeners(before).find((l) => l.pid !== null && !has.has(ownerKey(l))) ?? null;
}

/** What the timeline says was done between the two diagnoses, latest first: an action, else a copied fix. */
function doneBetween(between: readonly SessionEntryView[]): string | null {
  for (const e of [...between].reverse()) {
    if (e.kind === 'action' && e.action !== 'guide-step') return e.text;
    if (e.kind === 'copied') return `you copied \`${e.command}\``;
  }
  return null;
}

/**
 * `between` are the timeline's entries after `before` and before `after` (actions, copied fixes), used to
 * say why when the facts alone do not.
 */
export function diffDiagnoses(
  before: Diagnosis,
  after: Diagnosis,
  between: readonly SessionEntryView[] = [],
): DiagnosisDiff {
  const beforeIds = new Set(before.findings.map((f) => f.id));
  const afterIds = new Set(after.findings.map((f) => f.id));
  const appeared = after.findings.filter((f) => !beforeIds.has(f.id)).map(brief);
  const wentAway = before.findings.filter((f) => !afterIds.has(f.id)).map(brief);
  const from = situationOf(before);
  const to = situationOf(after);

  const started = startedCommand(before, after);
  const stopped = stoppedProcess(before, after);
  const because = started
    ? `you started ${started}`
    : stopped
      ? `${stopped.process ? quoteOutside(capOutside(stopped.process, 60)) : 'a process'} (pid ${stopped.pid}) stopped`
      : doneBetween(between);

  let sentence: string;
  if (from !== to) sentence = `${from} → ${to}${because ? ` after ${because}` : ''}`;
  else if (appeared.length === 0 && wentAway.length === 0) sentence = `still ${to}: nothing changed`;
  else sentence = `still ${to}, with other findings${because ? ` after ${because}` : ''}`;
  return { from, to, appeared, wentAway, because, sentence };
}

export interface TimelineChange {
  /** seq of the later diagnosis: the change is shown under it. */
  seq: number;
  diff: DiagnosisDiff;
}

/** For each diagnosis after the first, its diff against the previous one, with what was done in between. */
export function timelineChanges(entries: readonly SessionEntryView[]): TimelineChange[] {
  const changes: TimelineChange[] = [];
  let previous: { diagnosis: Diagnosis; index: number } | null = null;
  entries.forEach((e, index) => {
    if (e.kind !== 'diagnosis') return;
    if (previous)
      changes.push({
        seq: e.seq,
        diff: diffDiagnoses(previous.diagnosis, e.diagnosis, entries.slice(previous.index + 1, index)),
      });
    previous = { diagnosis: e.diagnosis, index };
  });
  return changes;
}
