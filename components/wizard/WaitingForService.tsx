import type { Listener } from '@/lib/host/listeners/types';
import { describeListener } from '@/lib/diagnosis/view';
import { LIVE_INTERVAL_MS } from '@/components/data/queries';
import { Spinner } from '@/components/ui/Spinner';

/**
 * The live "nothing listens yet" state. It sits in a polite live region: when a listener appears it says so
 * at once, and the re-run diagnosis then turns the step green — no reload needed.
 */
export function WaitingForService({
  port,
  paused,
  appeared,
}: {
  port: number;
  paused: boolean;
  appeared: readonly Listener[];
}) {
  let body;
  if (appeared.length > 0) {
    body = (
      <>
        <p className="font-semibold">
          <Spinner /> Something started listening: {describeListener(appeared[0]!)}
        </p>
        <p className="mt-1 text-sm">Checking it now…</p>
      </>
    );
  } else if (paused) {
    body = (
      <>
        <p className="font-semibold">Watching is paused.</p>
        <p className="mt-1 text-sm">Resume it in step 3 (Monitor) to see your service come up here.</p>
      </>
    );
  } else {
    body = (
      <>
        <p className="flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="relative inline-flex h-3 w-3">
            <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-sky-500 opacity-60" />
            <span className="relative inline-flex h-3 w-3 rounded-full bg-sky-600" />
          </span>
          Waiting for your service on port {port}…
        </p>
        <p className="mt-1 text-sm">
          Start it with one of the commands below. This page checks every {LIVE_INTERVAL_MS / 1000} s and
          turns green by itself as soon as something listens — no need to reload.
        </p>
      </>
    );
  }
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="waiting"
      className="rounded-lg border border-dashed border-sky-400 bg-sky-50 p-4 text-sky-950 dark:border-sky-700 dark:bg-sky-950/30 dark:text-sky-50"
    >
      {body}
    </div>
  );
}
