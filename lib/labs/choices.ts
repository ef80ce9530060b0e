import type { FindingId } from '@/lib/diagnosis/checks';
import type { Lab } from './types';

/**
 * How a cause is offered as an answer: in the learner's words, not the finding's (whose title would quote
 * this run's facts and give the answer away).
 */
const CAUSE_LABELS: Partial<Record<FindingId, string>> = {
  'no-listener': 'Nothing is listening on the port',
  'family-mismatch': 'The server listens on the other IP family (IPv6 vs IPv4)',
  'bound-elsewhere': 'The server listens on another address than the one asked for',
  'port-taken': 'Another process already holds the port',
  'no-response': 'The server accepts the connection but never answers',
  'tls-expected': 'The server speaks HTTPS and was asked in plain http://',
  'http-error': 'The application itself answers with an error status',
  'ephemeral-port': 'The server got a random port that changes on every restart',
  'firewall-blocks': 'A firewall rule blocks connections to the port',
  'wildcard-exposed': 'The server listens on every interface, not only loopback',
  'not-http': 'The server speaks another protocol than HTTP',
  'privileged-port': 'The port needs root to bind',
};

export interface LabChoice {
  findingId: FindingId;
  label: string;
}

/** The taught cause among the distractors, in a fixed order per lab (sorted by id, so no position gives it away). */
export function choicesFor(lab: Lab): LabChoice[] {
  return [lab.teaches, ...lab.distractors]
    .filter((id, i, all) => all.indexOf(id) === i)
    .sort()
    .map((findingId) => ({ findingId, label: CAUSE_LABELS[findingId] ?? findingId }));
}

export function causeLabel(id: FindingId): string {
  return CAUSE_LABELS[id] ?? id;
}
