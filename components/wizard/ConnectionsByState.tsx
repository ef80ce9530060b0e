import type { PortConnections, TcpState } from '@/lib/host/listeners/types';
import { hostPort } from '@/lib/net';
import { plural } from '@/components/ui/format';

const SAMPLE_ROWS = 8;

/** What each state means to someone watching their own server (shown as a tooltip and for screen readers). */
const MEANING: Partial<Record<TcpState, string>> = {
  ESTABLISHED: 'open and in use',
  TIME_WAIT: 'recently closed; the OS keeps them briefly',
  CLOSE_WAIT: 'the other side closed; this side has not yet',
  SYN_SENT: 'connecting',
  SYN_RECV: 'being accepted',
  FIN_WAIT1: 'closing',
  FIN_WAIT2: 'closing',
  LAST_ACK: 'closing',
};

/** TCP connections touching the port, counted by state, with a few examples. */
export function ConnectionsByState({ connections }: { connections: PortConnections }) {
  const states = Object.entries(connections.byState).filter(([, n]) => (n ?? 0) > 0) as [TcpState, number][];
  if (connections.total === 0) {
    return <p className="text-sm">No open or closing connections on port {connections.port} right now.</p>;
  }
  return (
    <div className="grid gap-3">
      <ul className="flex flex-wrap gap-2" aria-label={`${plural(connections.total, 'connection')} by state`}>
        {states.map(([state, n]) => (
          <li
            key={state}
            title={MEANING[state]}
            className="rounded-full border border-slate-300 bg-white px-3 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            <span className="font-mono">{state}</span> <span className="font-semibold tabular-nums">{n}</span>
            {MEANING[state] ? <span className="sr-only"> ({MEANING[state]})</span> : null}
          </li>
        ))}
      </ul>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Some of the connections on port {connections.port}</caption>
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 pr-4 font-medium">
                State
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                This end
              </th>
              <th scope="col" className="py-1 font-medium">
                Other end
              </th>
            </tr>
          </thead>
          <tbody className="font-mono">
            {connections.sample.slice(0, SAMPLE_ROWS).map((c) => (
              <tr
                key={`${c.localAddress}:${c.localPort}-${c.remoteAddress}:${c.remotePort}-${c.state}`}
                className="border-t border-slate-200 dark:border-slate-700"
              >
                <td className="py-1 pr-4">{c.state}</td>
                <td className="py-1 pr-4">{hostPort(c.localAddress, c.localPort)}</td>
                <td className="py-1">{hostPort(c.remoteAddress, c.remotePort)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {connections.total > SAMPLE_ROWS ? (
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Showing {Math.min(SAMPLE_ROWS, connections.sample.length)} of {connections.total}.
          </p>
        ) : null}
      </div>
    </div>
  );
}
