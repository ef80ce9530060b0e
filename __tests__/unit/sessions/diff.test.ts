import { runChecks } from '@/lib/diagnosis/run-checks';
import { diffDiagnoses, situationOf, timelineChanges } from '@/lib/sessions/diff';
import type { SessionEntryView } from '@/lib/sessions/entries';
import { app, attempt, httpAnswer, listener, makeFacts } from '@/__tests__/support/facts';

const PORT = 62893;
const django = listener('127.0.0.1', PORT, {
  pid: 4711,
  process: 'python3',
  command: 'python3 manage.py runserver 127.0.0.1:62893',
  startedAt: '2026-11-26T05:31:00.000Z',
});

const refused = () => runChecks(makeFacts({ target: `127.0.0.1:${PORT}` }));
const answering = () =>
  runChecks(
    makeFacts({
      target: `127.0.0.1:${PORT}`,
      listeners: [django],
      attempts: [attempt('127.0.0.1', PORT, 'open')],
      application: app('127.0.0.1', PORT, { http: httpAnswer(200, { title: 'Django' }) }),
    }),
  );

test('nothing listening, then Django answering: "no-listener → http-ok after you started “python3 manage.py runserver …”"', () => {
  const before = refused();
  const after = answering();
  const diff = diffDiagnoses(before, after);
  expect(diff.from).toBe(before.summary.cause);
  expect(diff.from).not.toBe('http-ok');
  expect(diff.to).toBe('http-ok');
  expect(diff.because).toBe('you started “python3 manage.py runserver 127.0.0.1:62893”');
  expect(diff.sentence).toBe(
    `${diff.from} → http-ok after you started “python3 manage.py runserver 127.0.0.1:62893”`,
  );
  expect(diff.appeared.map((f) => f.id)).toContain('http-ok');
  expect(diff.wentAway.map((f) => f.id)).toContain(before.summary.cause);
  // A finding present in both is neither appeared nor gone.
  const both = after.findings.filter((f) => before.findings.some((b) => b.id === f.id)).map((f) => f.id);
  for (const id of both) {
    expect(diff.appeared.map((f) => f.id)).not.toContain(id);
    expect(diff.wentAway.map((f) => f.id)).not.toContain(id);
  }
});

test('the server going away names the process that stopped', () => {
  const diff = diffDiagnoses(answering(), refused());
  expect(diff.from).toBe('http-ok');
  expect(diff.because).toBe('“python3” (pid 4711) stopped');
  expect(diff.sentence).toMatch(/^http-ok → .+ after “python3” \(pid 4711\) stopped$/);
});

test('with no change in the facts, a fix copied in between is the reason given', () => {
  const before = refused();
  const after = answering();
  // Same listeners on both sides: the facts cannot say what was started, the timeline can.
  after.facts.listeners = before.facts.listeners;
  const between: SessionEntryView[] = [
    { kind: 'note', at: '2026-11-26T05:30:10.000Z', seq: 2, text: 'trying' },
    {
      kind: 'copied',
      at: '2026-11-26T05:30:20.000Z',
      seq: 3,
      findingId: 'no-listener',
      label: 'Django',
      command: 'python3 manage.py runserver 127.0.0.1:62893',
      platform: 'linux',
    },
  ];
  expect(diffDiagnoses(before, after, between).because).toBe(
    'you copied `python3 manage.py runserver 127.0.0.1:62893`',
  );
});

test('two identical diagnoses: "still …: nothing changed"', () => {
  const diff = diffDiagnoses(refused(), refused());
  expect(diff.appeared).toEqual([]);
  expect(diff.wentAway).toEqual([]);
  expect(diff.sentence).toBe(`still ${situationOf(refused())}: nothing changed`);
});

test('timelineChanges pairs each diagnosis with the previous one and what came between', () => {
  const entries: SessionEntryView[] = [
    { kind: 'diagnosis', at: '2026-11-26T05:30:00.000Z', seq: 1, intent: 'reach', diagnosis: refused() },
    {
      kind: 'action',
      at: '2026-11-26T05:30:30.000Z',
      seq: 2,
      action: 'free-port',
      text: 'you chose port 62894',
    },
    { kind: 'diagnosis', at: '2026-11-26T05:31:00.000Z', seq: 3, intent: 'reach', diagnosis: refused() },
    { kind: 'diagnosis', at: '2026-11-26T05:32:00.000Z', seq: 4, intent: 'reach', diagnosis: answering() },
  ];
  const changes = timelineChanges(entries);
  expect(changes.map((c) => c.seq)).toEqual([3, 4]);
  expect(changes[0]!.diff.sentence).toMatch(/nothing changed/);
  expect(changes[1]!.diff.to).toBe('http-ok');
});

test('a long command line (a node -e script) is quoted only as far as it names the program, on one line', () => {
  const script = `node -e ${'const x = 1;\n'.repeat(100)}`;
  const after = answering();
  if (after.facts.listeners.status === 'ok')
    after.facts.listeners.value.listeners = [{ ...django, command: script }];
  const diff = diffDiagnoses(refused(), after);
  expect(diff.because).toMatch(
    /^you started “node -e const x = 1;\\nconst x = 1;.*… \(cut: \d+ more characters\)”$/,
  );
  expect(diff.because!.length).toBeLessThan(260);
  expect(diff.because).not.toContain('\n');
});
