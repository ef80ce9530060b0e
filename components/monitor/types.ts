/** The JSON the Monitor reads: /api/watches, /api/watches/{id}/samples and /api/history, as the routes answer. */
export interface WatchView {
  id: string;
  target: string;
  intervalSeconds: number;
  createdAt: string;
  state: 'up' | 'down' | 'unknown';
  since: string | null;
  lastSample: SampleView | null;
  uptimePercent: number | null;
}

export interface SampleView {
  at: string;
  up: boolean;
  connectMs: number | null;
  ttfbMs: number | null;
  status: number | null;
  connections?: Record<string, number> | null;
  error?: string | null;
}

export interface Unavailable {
  reason: string;
  since?: string;
  retryAt?: string;
}

export interface HistoryEventView {
  at: string;
  kind: 'opened' | 'closed' | 'owner-changed';
  protocol: string;
  address: string;
  port: number;
  family: string;
  pid: number | null;
  process: string | null;
  command: string | null;
  cwd: string | null;
  user: string | null;
  startedAt: string | null;
}
