import type { ConnectAttempt, ConnectOutcome } from '@/lib/probe/types';
import { formatMs } from '@/components/ui/format';
import type { Mark } from '@/components/ui/severity';
import { StatusMark } from '@/components/ui/StatusMark';

/** Plain words for each connect outcome (the OS error code is shown next to it for the curious). */
const OUTCOME: Record<ConnectOutcome, { text: string; mark: Mark }> = {
  open: { text: 'Accepted the connection', mark: 'ok' },
  refused: { text: 'Refused — nothing listens there', mark: 'error' },
  timeout: { text: 'No answer (timed out)', mark: 'error' },
  reset: { text: 'Connection reset', mark: 'error' },
  unreachable: { text: 'Unreachable', mark: 'error' },
  error: { text: 'Failed', mark: 'error' },
};

/** One row per resolved address, in the order a client would try them. */
export function AttemptsTable({ attempts }: { attempts: readonly ConnectAttempt[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">TCP connection attempts, one per address</caption>
        <thead className="text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">
              Address
            </th>
            <th scope="col" className="py-1 pr-4 font-medium">
              Result
            </th>
            <th scope="col" className="py-1 font-medium">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => {
            const o = OUTCOME[a.outcome];
            return (
              <tr
                key={`${a.address}-${a.port}`}
                data-address={a.address}
                className="border-t border-slate-200 dark:border-slate-700"
              >
                <td className="py-2 pr-4 font-mono">
                  {a.address}{' '}
                  <span className="font-sans text-xs text-slate-500 dark:text-slate-400">{a.family}</span>
                </td>
                <td className="py-2 pr-4">
                  <span className="inline-flex items-center gap-2">
                    <StatusMark mark={o.mark} size="sm" />
                    {o.text}
                    {a.errorCode && a.outcome !== 'open' ? (
                      <span className="font-mono text-xs text-slate-500 dark:text-slate-400">
                        {a.errorCode}
                      </span>
                    ) : null}
                  </span>
                </td>
                <td className="py-2 tabular-nums">{formatMs(a.timeMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
