import type { Finding, FindingId } from '@/lib/diagnosis/types';
import type { ConnectAttempt, ConnectOutcome } from '@/lib/probe/types';
import { formatMs } from '@/components/ui/format';
import type { Mark } from '@/components/ui/severity';
import { StatusMark } from '@/components/ui/StatusMark';

/**
 * The outcome as a fact, in one word (the OS error code is shown next to it). What it means — nothing
 * listens, a firewall rejects it, or it is just what a free port does — is the engine's to say, in its
 * findings.
 */
const OUTCOME_WORD: Record<ConnectOutcome, string> = {
  open: 'Open',
  refused: 'Refused',
  timeout: 'Timed out',
  reset: 'Reset',
  unreachable: 'Unreachable',
  error: 'Failed',
};

/** The id of the engine's finding about each failed outcome (checks/refused.ts, timeout.ts, reset.ts…). */
const OUTCOME_FINDING: Partial<Record<ConnectOutcome, FindingId>> = {
  refused: 'refused',
  timeout: 'timeout',
  reset: 'reset',
  unreachable: 'unreachable',
  error: 'connect-error',
};

/** The severity of the engine's finding about this outcome; neutral when the engine reported none. */
function markOf(outcome: ConnectOutcome, findings: readonly Finding[]): Mark {
  const id = OUTCOME_FINDING[outcome];
  return (id && findings.find((f) => f.id === id)?.severity) || 'none';
}

/** One row per resolved address, in the order a client would try them. */
export function AttemptsTable({
  attempts,
  findings,
}: {
  attempts: readonly ConnectAttempt[];
  /** The diagnosis' findings: the only source of a row's colour. */
  findings: readonly Finding[];
}) {
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
            const mark = markOf(a.outcome, findings);
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
                    <StatusMark mark={mark} size="sm" />
                    {OUTCOME_WORD[a.outcome]}
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
