/**
 * A recording follows the real port while a real server is started and stopped during it: the events name
 * that server's pid, and the two snapshots differ the way the person saw it (nothing → answering → nothing).
 */
import { freePort } from '@/__tests__/support/app-server';
import { startChildHttpServer } from '@/__tests__/support/child-server';
import {
  MAX_ACTIVE_RECORDINGS,
  activeRecording,
  startRecording,
  stopRecording,
} from '@/lib/sessions/recorder';
import { diffDiagnoses } from '@/lib/sessions/diff';
import type { RecordingPayload } from '@/lib/sessions/entries';

jest.setTimeout(60_000);

/** Resolves once the recording's own readings satisfy `seen` (they run every second in this process). */
async function untilRecorded(sessionId: string, seen: (probes: { up: boolean }[]) => boolean) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const rec = activeRecording(sessionId);
    if (rec && seen(rec.probes)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the recording did not see it in 20 s');
}

test('a server started and stopped while recording: opened and closed events with its pid, probes up then down', async () => {
  const port = await freePort(); // proven free by binding it
  const sessionId = '6f1d1c1e-0000-4000-8000-000000000001';
  const sink = jest.fn();
  const started = await startRecording(sessionId, `127.0.0.1:${port}`, 'reach', sink);
  if (!started.ok) throw new Error(started.message);
  expect(started.recording.before.summary.cause).toBe('no-listener');

  // A second start while one runs is refused.
  const again = await startRecording(sessionId, `127.0.0.1:${port}`, 'reach', sink);
  expect(again).toMatchObject({ ok: false, status: 409, code: 'recording-running' });

  const server = await startChildHttpServer({ port, title: 'Reproduced' });
  await untilRecorded(sessionId, (p) => p.some((x) => x.up));
  await server.stop();
  await untilRecorded(sessionId, (p) => p.findIndex((x) => x.up) < p.findLastIndex((x) => !x.up));

  const stopped = await stopRecording(sessionId, started.recording.id);
  if (!stopped.ok) throw new Error(stopped.message);
  const rec: RecordingPayload = stopped.payload;

  const opened = rec.events.find((e) => e.kind === 'opened');
  const closed = rec.events.find((e) => e.kind === 'closed');
  expect(opened).toMatchObject({ port, pid: server.pid, process: 'node', address: '127.0.0.1' });
  expect(closed).toMatchObject({ port, pid: server.pid });
  expect(Date.parse(opened!.at)).toBeLessThanOrEqual(Date.parse(closed!.at));
  expect(rec.probes.some((p) => p.up && p.status === 200)).toBe(true);
  expect(rec.probes.at(-1)!.up).toBe(false);
  expect(Date.parse(rec.stoppedAt)).toBeGreaterThan(Date.parse(rec.startedAt));

  // Both snapshots: nothing listens; the diff of the two says so.
  expect(rec.after.summary.cause).toBe('no-listener');
  expect(diffDiagnoses(rec.before, rec.after).sentence).toBe('still no-listener: nothing changed');
  expect(activeRecording(sessionId)).toBeNull();
  expect(sink).not.toHaveBeenCalled();

  // Stopped is stopped: a second stop names no recording.
  expect(await stopRecording(sessionId, started.recording.id)).toMatchObject({ ok: false, status: 404 });
});

test('a server that keeps running from the middle of the recording: the second snapshot answers', async () => {
  const port = await freePort();
  const sessionId = '6f1d1c1e-0000-4000-8000-000000000002';
  const started = await startRecording(sessionId, `127.0.0.1:${port}`, 'reach', () => {});
  if (!started.ok) throw new Error(started.message);
  const server = await startChildHttpServer({ port, title: 'Still Up' });
  try {
    await untilRecorded(sessionId, (p) => p.some((x) => x.up));
    const stopped = await stopRecording(sessionId, started.recording.id);
    if (!stopped.ok) throw new Error(stopped.message);
    const diff = diffDiagnoses(stopped.payload.before, stopped.payload.after);
    expect(diff.sentence).toMatch(/^no-listener → http-ok after you started “\S*node -e .*”$/);
    expect(stopped.payload.events.filter((e) => e.kind === 'opened').map((e) => e.pid)).toEqual([server.pid]);
  } finally {
    await server.stop();
  }
});

test(`at most ${MAX_ACTIVE_RECORDINGS} recordings run at once, over all sessions; stopping one makes room`, async () => {
  const port = await freePort();
  const ids = Array.from(
    { length: MAX_ACTIVE_RECORDINGS + 1 },
    (_, i) => `6f1d1c1e-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
  );
  const started: { sessionId: string; id: string }[] = [];
  try {
    for (const sessionId of ids.slice(0, MAX_ACTIVE_RECORDINGS)) {
      const r = await startRecording(sessionId, `127.0.0.1:${port}`, 'reach', () => {});
      if (!r.ok) throw new Error(r.message);
      started.push({ sessionId, id: r.recording.id });
    }
    const extra = await startRecording(ids.at(-1)!, `127.0.0.1:${port}`, 'reach', () => {});
    expect(extra).toMatchObject({ ok: false, status: 409, code: 'too-many-recordings' });
    const first = started.shift()!;
    expect((await stopRecording(first.sessionId, first.id)).ok).toBe(true);
    const now = await startRecording(ids.at(-1)!, `127.0.0.1:${port}`, 'reach', () => {});
    if (!now.ok) throw new Error(now.message);
    started.push({ sessionId: ids.at(-1)!, id: now.recording.id });
  } finally {
    for (const r of started) await stopRecording(r.sessionId, r.id);
  }
});
