import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { toIso, toMs } from './times';

export interface Watch {
  id: string;
  target: string;
  intervalSeconds: number;
  createdAt: string;
}

/** One look at a watched target: was it up, how long connect and first byte took, the HTTP status if any. */
export interface WatchSample {
  watchId: string;
  at: string;
  up: boolean;
  connectMs: number | null;
  ttfbMs: number | null;
  status: number | null;
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
}

const toWatch = (r: WatchRow): Watch => ({
  id: r.id,
  target: r.target,
  intervalSeconds: r.interval_seconds,
  createdAt: toIso(r.created_at),
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

/** Removes the watch and its samples; false when there was no such watch. */
export function deleteWatch(db: Database.Database, id: string): boolean {
  return db.prepare('DELETE FROM watches WHERE id = ?').run(id).changes > 0;
}

export function recordWatchSample(db: Database.Database, s: WatchSample): void {
  db.prepare(
    'INSERT INTO watch_samples (watch_id, at, up, connect_ms, ttfb_ms, status) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(s.watchId, toMs(s.at), s.up ? 1 : 0, s.connectMs, s.ttfbMs, s.status);
}

/** Samples of one watch, newest first. */
export function watchSamples(
  db: Database.Database,
  { watchId, since, limit = 500 }: { watchId: string; since?: string; limit?: number },
): WatchSample[] {
  const rows = db
    .prepare(`SELECT * FROM watch_samples WHERE watch_id = ? AND at >= ? ORDER BY at DESC, id DESC LIMIT ?`)
    .all(watchId, since === undefined ? 0 : toMs(since), limit) as SampleRow[];
  return rows.map((r) => ({
    watchId: r.watch_id,
    at: toIso(r.at),
    up: r.up === 1,
    connectMs: r.connect_ms,
    ttfbMs: r.ttfb_ms,
    status: r.status,
  }));
}
