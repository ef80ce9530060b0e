import type Database from 'better-sqlite3';

/**
 * The schema, one step per entry: entry i takes the database from user_version i to i + 1. Steps are only
 * ever appended; a shipped step is never edited, because databases in the field already ran it.
 * Times are INTEGER milliseconds since the epoch (indexable, compact); the repositories speak ISO strings.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE listener_events (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('opened', 'closed', 'owner-changed')),
    protocol TEXT NOT NULL,
    address TEXT NOT NULL,
    port INTEGER NOT NULL,
    family TEXT NOT NULL,
    pid INTEGER,
    process TEXT,
    command TEXT,
    cwd TEXT,
    user TEXT,
    started_at TEXT
  );
  CREATE INDEX listener_events_port_at ON listener_events (port, at);
  CREATE INDEX listener_events_at ON listener_events (at);

  CREATE TABLE watches (
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds > 0),
    created_at INTEGER NOT NULL
  );
  CREATE TABLE watch_samples (
    id INTEGER PRIMARY KEY,
    watch_id TEXT NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    up INTEGER NOT NULL CHECK (up IN (0, 1)),
    connect_ms REAL,
    ttfb_ms REAL,
    status INTEGER
  );
  CREATE INDEX watch_samples_watch_at ON watch_samples (watch_id, at);
  CREATE INDEX watch_samples_at ON watch_samples (at);

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_only INTEGER NOT NULL DEFAULT 0 CHECK (read_only IN (0, 1)),
    imported_from TEXT
  );
  CREATE INDEX sessions_created_at ON sessions (created_at);
  CREATE TABLE session_entries (
    session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('diagnosis', 'note', 'action', 'copied', 'recording')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    PRIMARY KEY (session_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE lab_progress (
    run_id TEXT PRIMARY KEY,
    lab_id TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    solved_at INTEGER
  );
  CREATE INDEX lab_progress_lab ON lab_progress (lab_id, started_at);
  `,
  // 2: which pids held a target when it was last diagnosed (the `restarted` finding), and per watch sample the
  // target port's connections by state (the Monitor chart) and why a down sample was down.
  `
  CREATE TABLE target_observations (
    target TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    pids TEXT NOT NULL CHECK (json_valid(pids))
  );
  ALTER TABLE watch_samples ADD COLUMN connections TEXT CHECK (connections IS NULL OR json_valid(connections));
  ALTER TABLE watch_samples ADD COLUMN error TEXT;
  `,
  // 3: what the recorder last saw listening, one row per socket, so a restarted app (or a second instance on
  // the same DATA_DIR) compares the live table with it instead of recording every listener as opened again;
  // and when the listing behind it was started, so an instance whose listing is older than that drops it.
  `
  CREATE TABLE listener_state (
    key TEXT PRIMARY KEY,
    inode INTEGER,
    protocol TEXT NOT NULL,
    address TEXT NOT NULL,
    port INTEGER NOT NULL,
    family TEXT NOT NULL,
    pid INTEGER,
    process TEXT,
    command TEXT,
    cwd TEXT,
    user TEXT,
    started_at TEXT,
    since INTEGER NOT NULL
  );
  CREATE TABLE listener_state_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    listed_at INTEGER NOT NULL
  );
  `,
  // 4: the owner's argument list as the OS gave it (JSON), beside the joined command: the command line joined
  // with spaces cannot be split back when an argument holds a space ("/home/me/my app/server.js"), and
  // "start it again" must run exactly what ran.
  `
  ALTER TABLE listener_events ADD COLUMN argv TEXT CHECK (argv IS NULL OR json_valid(argv));
  ALTER TABLE listener_state ADD COLUMN argv TEXT CHECK (argv IS NULL OR json_valid(argv));
  `,
];

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `the history database is at schema version ${found}, newer than this app knows (${known}); ` +
        'it was written by a newer Localhost Doctor. It is left untouched: update the app, or point DATA_DIR elsewhere',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * A step's statements, one prepared statement each: a statement ends at a ';' that ends its line, so a step
 * must not put ';' at the end of a line inside a string literal (none does). Prepared statements rather than
 * better-sqlite3's multi-statement runner keep every statement a single, checked unit.
 */
export function statementsOf(step: string): string[] {
  return step
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Brings the schema up to date. BEGIN IMMEDIATE takes the write lock before user_version is read, so two
 * instances starting together cannot both run a step: the second waits (busy_timeout), then sees it done.
 */
export function migrate(db: Database.Database, migrations: readonly string[] = MIGRATIONS): number {
  const step = db.transaction(() => {
    const version = schemaVersion(db);
    if (version > migrations.length) throw new SchemaTooNewError(version, migrations.length);
    for (let v = version; v < migrations.length; v++)
      for (const statement of statementsOf(migrations[v]!)) db.prepare(statement).run();
    db.pragma(`user_version = ${migrations.length}`);
    return migrations.length;
  });
  return step.immediate();
}
