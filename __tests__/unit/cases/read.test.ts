import { readCaseFile } from '@/lib/cases/read';
import { sessionCase } from './case-fixtures';

const withChange = (change: (c: Record<string, unknown>) => void) => {
  const c = JSON.parse(JSON.stringify(sessionCase())) as Record<string, unknown>;
  change(c);
  return readCaseFile(c);
};
const message = (r: ReturnType<typeof readCaseFile>) => (r.ok ? 'ok' : r.message);

test('a case file this doctor wrote opens, with extra fields from elsewhere tolerated', () => {
  expect(withChange((c) => (c.futureField = { any: 1 })).ok).toBe(true);
});

test('a newer schema version says to update', () => {
  expect(message(withChange((c) => (c.schemaVersion = 7)))).toBe(
    'This case file was made by a newer Localhost Doctor (version 7); update to open it (this one reads up to version 1).',
  );
});

test('no version, or one that never existed, is explained', () => {
  expect(message(withChange((c) => delete c.schemaVersion))).toMatch(/not a Localhost Doctor case file/);
  expect(message(withChange((c) => (c.schemaVersion = 0)))).toMatch(
    /schema version 0, which no Localhost Doctor release wrote/,
  );
  expect(message(withChange((c) => (c.schemaVersion = '1')))).toMatch(/whole number/);
});

test('a broken field is named by its path', () => {
  const r = withChange((c) => {
    (
      c.entries as {
        payload: { diagnosis: { facts: { listeners: { value: { listeners: { port: unknown }[] } } } } };
      }[]
    )[2]!.payload.diagnosis.facts.listeners.value.listeners[0]!.port = 'x';
  });
  expect(message(r)).toMatch(
    /^The case file is not valid: entries\.2\.payload\.diagnosis\.facts\.listeners\.value\.listeners\.0\.port: /,
  );
});

test('a target whose parts disagree with what it says was typed is refused', () => {
  const r = withChange((c) => {
    const facts = (
      c.entries as { kind: string; payload: { diagnosis: { facts: { target: { host: string } } } } }[]
    ).find((e) => e.kind === 'diagnosis')!.payload.diagnosis.facts;
    facts.target.host = "a'; rm -rf ~; '";
  });
  expect(message(r)).toMatch(/cannot be opened here: its target says/);
});

test('the same seq twice is refused', () => {
  const r = withChange((c) => ((c.entries as { seq: number }[])[1]!.seq = 1));
  expect(message(r)).toBe('The case file is not valid: entry 1 appears twice.');
});

test('a recording (two snapshots, events and probes) opens, and its snapshots are re-checked too', () => {
  const c = JSON.parse(JSON.stringify(sessionCase())) as {
    entries: { seq: number; at: string; kind: string; payload: unknown }[];
  };
  const diagnosis = (c.entries[2]!.payload as { diagnosis: unknown }).diagnosis;
  const recording = {
    startedAt: '2026-12-02T14:21:00.000Z',
    stoppedAt: '2026-12-02T14:22:00.000Z',
    before: diagnosis,
    after: diagnosis,
    events: [{ kind: 'opened', port: 3000 }],
    probes: [
      { at: '2026-12-02T14:21:01.000Z', up: false, connectMs: null, status: null },
      { at: '2026-12-02T14:21:02.000Z', up: true, connectMs: 0.4, status: 200 },
    ],
  };
  c.entries.push({ seq: 30, at: '2026-12-02T14:22:00.000Z', kind: 'recording', payload: recording });
  expect(readCaseFile(c).ok).toBe(true);
  const moved = JSON.parse(JSON.stringify(diagnosis)) as { facts: { target: { port: number } } };
  moved.facts.target.port = 1;
  recording.after = moved;
  expect(message(readCaseFile(c))).toMatch(
    /^The diagnosis in entry 30 cannot be opened here: its target says/,
  );
});
