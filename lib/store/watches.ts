import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { toIso, toMs } from './times';

export interface Watch {
  id: string;
  target: string;
  intervalSeconds: number;
  createdAt: string;
}

/** TCP sockets on the watched port by state at the sample's time ({ ESTABLISHED: 3, TIME_WAIT: 12 }). */
export type ConnectionCounts = Record<string, number>;

/** One look at a watched target: was it up, how long connect and first byte took, the HTTP status if any. */
export interface WatchSample {
  watchId: string;
  at: string;
  up: boolean;
  connectMs: number | null;
  ttfbMs: number | null;
  status: number | null;
  /** Absent or null when the connections could not be read (or a sample from before schema step 2). */
  connections?: ConnectionCounts | null;
  /** Why a down sample was down ("ECONNREFUSED on 127.0.0.1", "HTTP 502"); null when up. */
  error?: string | null;
}

interface WatchRow {
  id: string;
  target: string;
  interval_seconds: number;
  created_at: number;
}

interface SampleRow {
  watch_id: string;
  at: number;
  up: 0 | 1;
  connect_ms: number | null;
  ttfb_ms: number | null;
  status: number | null;
  connections: string | null;
  error: string | null;
}

const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  target: r.target,
  intervalSeconds: r.interval_seconds,
  createdAt: toIso(r.created_at),
});

/** A stored JSON value that is not an object of counts (hand-edited, damaged) reads as unknown, never throws. */
function countsOf(json: string | null): ConnectionCounts | null {
  if (json === null) return null;
  try {
    const v: unknown = JSON.parse(json);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    return Object.fromEntries(
      Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  } catch {
    return null;
  }
}

const toSample = (r: SampleRow): WatchSample => ({
  watchId: r.watch_id,
  at: toIso(r.at),
  up: r.up === 1,
  connectMs: r.connect_ms,
  ttfbMs: r.ttfb_ms,
  status: r.status,
  connections: countsOf(r.connections),
  error: r.error,
});

export function createWatch(
  db: Database.Database,
  {
    target,
    intervalSeconds,
    now = new Date().toISOString(),
  }: { target: string; intervalSeconds: number; now?: string },
): Watch {
  const watch: Watch = { id: randomUUID(), target, intervalSeconds, createdAt: now };
  db.prepare('INSERT INTO watches (id, target, interval_seconds, created_at) VALUES (?, ?, ?, ?)').run(
    watch.id,
    target,
    intervalSeconds,
    toMs(now),
  );
  return watch;
}

export function listWatches(db: Database.Database): Watch[] {
  return (db.prepare('SELECT * FROM watches ORDER BY created_at, id').all() as WatchRow[]).map(toWatch);
}

export function getWatch(db: Database.Database, id: string): Watch | null {
  const row = db.prepare('SELECT * FROM watches WHERE id = ?').get(id) as WatchRow | undefined;
  return row ? toWatch(row) : null;
}

/** The oldest watch of this target (as stored: callers store the canonical spelling), or null. */
export function findWatchByTarget(db: Database.Database, target: string): Watch | null {
  const row = db
    .prepare('SELECT * FROM watches WHERE target = ? ORDER BY created_at, id LIMIT 1')
    .get(target) as WatchRow | undefined;
  return row ? toWatch(row) : null;
}

/** Removes the watch and its samples; false when there was no such watch. */
export function deleteWatch(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
}

export function recordWatchSample(db: Database.Database, s: WatchSample): void {
  db.prepare(
    `INSERT INTO watch_samples (watch_id, at, up, connect_ms, ttfb_ms, status, connections, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.watchId,
    toMs(s.at),
    s.up ? 1 : 0,
    s.connectMs,
    s.ttfbMs,
    s.status,
    s.connections ? JSON.stringify(s.connections) : null,
    s.error ?? null,
  );
}

/** Samples of one watch, newest first. */
export function watchSamples(
  db: Database.Database,
  { watchId, since, limit = 500 }: { watchId: string; since?: string; limit?: number },
): WatchSample[] {
  const rows = db
    .prepare(`SELECT * FROM watch_samples WHERE watch_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?`)
    .all(watchId, since === undefined ? 0 : toMs(since), limit) as SampleRow[];
  return rows.map(toSample);
}

export interface WatchStatus {
  state: 'up' | 'down' | 'unknown';
  /** Since when the target has been in this state: the first sample of the current run; null when unknown. */
  since: string | null;
  lastSample: WatchSample | null;
  /** Share of samples that were up within the window, 0–100; null when the window holds no sample. */
  uptimePercent: number | null;
}

/**
 * Where a watch stands, from its samples alone: the latest sample's state, the first sample after the last
 * one in the other state (the flip), and the share of up samples since `uptimeSince`. Three indexed queries.
 */
export function watchStatus(
  db: Database.Database,
  { watchId, uptimeSince }: { watchId: string; uptimeSince: string },
): WatchStatus {
  const last = db
    .prepare('SELECT * FROM watch_samples WHERE watch_id = ? ORDER BY at DESC, id DESC LIMIT 1')
    .get(watchId) as SampleRow | undefined;
  if (!last) return { state: 'unknown', since: null, lastSample: null, uptimePercent: null };
  const flip = db
    .prepare(
      `SELECT min(at) AS at FROM watch_samples WHERE watch_id = @watchId AND up = @up AND at > coalesce(
         (SELECT max(at) FROM watch_samples WHERE watch_id = @watchId AND up <> @up), -1)`,
    )
    .get({ watchId, up: last.up }) as { at: number };
  const share = db
    .prepare(
      'SELECT count(*) AS n, coalesce(sum(up), 0) AS ups FROM watch_samples WHERE watch_id = ? AND at >= ?',
    )
    .get(watchId, toMs(uptimeSince)) as { n: number; ups: number };
  return {
    state: last.up === 1 ? 'up' : 'down',
    since: toIso(flip.at),
    lastSample: toSample(last),
    uptimePercent: share.n === 0 ? null : Math.round((share.ups / share.n) * 10000) / 100,
  };
}
