'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { Fact } from '@/lib/diagnosis/types';
import { hostPort } from '@/lib/net';
import { freePortQuery } from '@/components/data/queries';
import { Spinner } from '@/components/ui/Spinner';
import { useSessionLog } from '@/components/sessions/session-log';

/**
 * The other way out of a taken port: a nearby port proven free by binding it, and a link that checks it as
 * the port to start on. The diagnosis' own `freePort` fact (the port its fix names) is used when it was
 * read; only when it is missing or failed does this ask GET /api/ports/free.
 */
export function FreePortSuggestion({
  input,
  host,
  port,
  freePort,
  alternative = false,
}: {
  /** What the user typed: the fallback query lives under that target's key. */
  input: string;
  host: string;
  port: number;
  /** The diagnosis' fact: a nearby port proven free when the diagnosis ran. */
  freePort: Fact<number> | null | undefined;
  /** Shown next to "Stop what holds port N": read as the other choice ("Or use port N instead"). */
  alternative?: boolean;
}) {
  const known = freePort?.status === 'ok' ? freePort.value : null;
  const query = useQuery({ ...freePortQuery(input, port), enabled: known === null });
  const sessionLog = useSessionLog();

  let free: number;
  let proof: string;
  if (known !== null) {
    free = known;
    proof = `was free when this diagnosis ran (checked by binding it)`;
  } else if (query.isError) {
    return (
      <p className="text-sm text-amber-900 dark:text-amber-200">
        Could not look for a free port near {port}: {query.error.message}
      </p>
    );
  } else if (query.data) {
    free = query.data.port;
    proof = `is free right now (checked by binding it on ${query.data.verifiedOn.join(' and ')})`;
  } else {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Spinner /> Looking for a free port near {port}…
      </p>
    );
  }

  const address = hostPort(host, free);
  return (
    <div data-testid="free-port" className="text-sm">
      <p className="font-semibold">
        {alternative ? 'Or use' : 'Use'} port {free} instead
      </p>
      <p className="mt-0.5 text-slate-700 dark:text-slate-300">
        Port {free} {proof}. Start your service with port {free}, then{' '}
        <Link
          href={`/diagnose/${encodeURIComponent(address)}?intent=start`}
          onClick={() =>
            sessionLog?.action({
              action: 'free-port',
              text: `you chose port ${free} instead of ${port}`,
              port: free,
            })
          }
          className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
        >
          check {address} for starting a service
        </Link>
        .
      </p>
    </div>
  );
}
