import type { RecordingEvent, RecordingPayload } from '@/lib/sessions/entries';
import { diffDiagnoses } from '@/lib/sessions/diff';
import { hostPort } from '@/lib/net';
import { formatClock } from '@/components/ui/format';
import { capOutside } from '@/lib/text/outside';
import { DiffView } from './DiffView';

const EVENT_WORDS: Record<RecordingEvent['kind'], string> = {
  opened: 'started listening on',
  closed: 'stopped listening on',
  'owner-changed': 'took over',
};

function eventText(e: RecordingEvent): string {
  const who =
    e.pid === null ? 'a process whose owner could not be read' : `${e.process ?? 'a process'} (pid ${e.pid})`;
  return `${who} ${EVENT_WORDS[e.kind]} ${hostPort(e.address, e.port)}`;
}

/** A recording: the listener events in between, how the probes went, and the diff of its two snapshots. */
export function RecordingView({ recording }: { recording: RecordingPayload }) {
  const up = recording.probes.filter((p) => p.up).length;
  return (
    <div data-testid="recording-entry" className="mt-1 grid gap-2 text-sm">
      <p>
        Recorded {formatClock(recording.startedAt)} – {formatClock(recording.stoppedAt)}:{' '}
        {recording.probes.length} probes, {up} answered.
      </p>
      {recording.events.length > 0 ? (
        <ol className="grid gap-0.5">
          {recording.events.map((e, i) => (
            <li key={i} data-event={e.kind} className="min-w-0">
              <span className="font-mono text-slate-600 dark:text-slate-400">{formatClock(e.at)}</span>{' '}
              {eventText(e)}
              {e.command ? (
                <span className="block pl-20 font-mono text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
                  {capOutside(e.command, 160)}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>No listener opened or closed on the port while recording.</p>
      )}
      <DiffView diff={diffDiagnoses(recording.before, recording.after)} />
    </div>
  );
}
