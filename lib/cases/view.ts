/**
 * What every export shows, computed once from a case file: the headline and findings of the last
 * diagnosis, its listener table, the timeline in words, and the facts for whoever wants them all. The
 * Markdown and HTML renderers only lay this out; neither decides what to show.
 */
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { bySeverity } from '@/lib/diagnosis/severity';
import type { Diagnosis, Finding, Fix, Severity } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import type { CaseEntry, CaseFile } from './schema';

export const PLATFORM_NAMES = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' } as const;

export interface TimelineLine {
  at: string;
  kind: CaseEntry['kind'];
  text: string;
  /** A command that was copied, shown as code. */
  command?: string;
}

export interface CaseView {
  title: string;
  target: string;
  machine: string;
  sessionId: string;
  exportedAt: string;
  appVersion: string;
  severity: Severity | null;
  headline: string;
  diagnosedAt: string | null;
  findings: (Pick<Finding, 'id' | 'severity' | 'step' | 'title' | 'detail'> & { fixes: Fix[] })[];
  listeners: Listener[] | null;
  listenerPort: number | null;
  timeline: TimelineLine[];
  /** The last diagnosis' facts as indented JSON. */
  factsJson: string | null;
}

/** "2026-12-02 14:02:07 UTC": one spelling for every time in a case file, whatever the reader's zone. */
export function caseTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function lastDiagnosis(caseFile: CaseFile): { at: string; diagnosis: Diagnosis } | null {
  for (const e of [...caseFile.entries].reverse()) {
    if (e.kind === 'diagnosis') return { at: e.at, diagnosis: e.payload.diagnosis as unknown as Diagnosis };
    if (e.kind === 'recording')
      return { at: e.payload.stoppedAt, diagnosis: e.payload.after as unknown as Diagnosis };
  }
  return null;
}

/** "+http-ok, −refused": which findings appeared and went away since the diagnosis before. */
function findingChange(before: readonly string[], after: readonly string[]): string {
  const added = after.filter((id) => !before.includes(id)).map((id) => `+${id}`);
  const gone = before.filter((id) => !after.includes(id)).map((id) => `\u2212${id}`);
  const all = [...added, ...gone];
  return all.length ? ` (findings ${all.join(', ')})` : ' (same findings)';
}

function timeline(caseFile: CaseFile): TimelineLine[] {
  let previous: string[] | null = null;
  return caseFile.entries.map((e): TimelineLine => {
    switch (e.kind) {
      case 'diagnosis': {
        const ids = e.payload.diagnosis.findings.map((f) => f.id);
        const change = previous ? findingChange(previous, ids) : '';
        previous = ids;
        const intent = e.payload.intent === 'start' ? ' (to start a service)' : '';
        return {
          at: caseTime(e.at),
          kind: e.kind,
          text: `Diagnosis${intent}: ${e.payload.diagnosis.summary.headline}${change}`,
        };
      }
      case 'note':
        return { at: caseTime(e.at), kind: e.kind, text: `Note: ${e.payload.text}` };
      case 'action':
        return { at: caseTime(e.at), kind: e.kind, text: e.payload.text };
      case 'copied':
        return {
          at: caseTime(e.at),
          kind: e.kind,
          text: `Copied "${e.payload.label}" (${e.payload.platform})`,
          command: e.payload.command,
        };
      case 'recording': {
        const up = e.payload.probes.filter((p) => p.up).length;
        previous = e.payload.after.findings.map((f) => f.id);
        const change = findingChange(
          e.payload.before.findings.map((f) => f.id),
          previous,
        );
        return {
          at: caseTime(e.at),
          kind: e.kind,
          text: `Recording ${caseTime(e.payload.startedAt)} to ${caseTime(e.payload.stoppedAt)}: ${e.payload.events.length} listener events, ${e.payload.probes.length} probes (${up} up)${change}`,
        };
      }
    }
  });
}

export function caseView(caseFile: CaseFile): CaseView {
  const last = lastDiagnosis(caseFile);
  const d = last?.diagnosis ?? null;
  const platform = caseFile.machine.platform;
  const listeners = d && d.facts.listeners.status === 'ok' ? d.facts.listeners.value.listeners : null;
  return {
    title: `Localhost Doctor case: ${caseFile.session.target}`,
    target: caseFile.session.target,
    machine: `${PLATFORM_NAMES[platform]}${caseFile.machine.hostname ? ` (${caseFile.machine.hostname})` : ''}`,
    sessionId: caseFile.session.id,
    exportedAt: caseTime(caseFile.exportedAt),
    appVersion: `${caseFile.app.name} ${caseFile.app.version}`,
    severity: d?.summary.severity ?? null,
    headline: d?.summary.headline ?? 'No diagnosis was run in this session.',
    diagnosedAt: last ? caseTime(last.at) : null,
    findings: d
      ? bySeverity(d.findings).map((f) => ({
          id: f.id,
          severity: f.severity,
          step: f.step,
          title: f.title,
          detail: f.detail,
          fixes: fixesFor(f.fixes, platform),
        }))
      : [],
    listeners,
    listenerPort: d?.target.port ?? null,
    timeline: timeline(caseFile),
    factsJson: d ? JSON.stringify(d.facts, null, 2) : null,
  };
}
