'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { allListenersQuery } from '@/components/data/queries';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { plural } from '@/components/ui/format';
import { Spinner } from '@/components/ui/Spinner';
import { diagnoseHref } from '@/components/ui/hrefs';
import { listenerRows } from './listener-rows';

/** What listens on this machine right now, each row a link to its diagnosis. Refreshes while visible. */
export function ListeningNow() {
  const { data, error, isPending } = useQuery(allListenersQuery());
  if (isPending) {
    return (
      <p role="status" className="text-slate-700 dark:text-slate-300">
        <Spinner /> Reading the listening sockets on this machine…
      </p>
    );
  }
  if (!data) return <ErrorNotice title="Could not list what is listening" error={error} />;
  const rows = listenerRows(data.listeners);
  const udp = data.listeners.filter((l) => l.protocol === 'udp').length;
  return (
    <div className="grid gap-2">
      {rows.length === 0 ? (
        <p>Nothing is listening on TCP on this machine right now.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              TCP ports with a listening process; each links to its diagnosis
            </caption>
            <thead className="bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Port
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Process
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Listening on
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  <span className="sr-only">Diagnosis</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-slate-200 dark:border-slate-700">
                  <td className="px-3 py-2 font-mono text-base font-semibold tabular-nums">{r.port}</td>
                  <td className="px-3 py-2">
                    {r.pid === null ? (
                      <span className="text-slate-600 dark:text-slate-400">owner hidden</span>
                    ) : (
                      <>
                        <span className="font-medium">{r.process ?? 'unknown'}</span>{' '}
                        <span className="text-slate-600 dark:text-slate-400">pid {r.pid}</span>
                      </>
                    )}
                  </td>
                  <td className="px-3 py-2 font-mono text-slate-700 dark:text-slate-300">
                    {r.addresses.join(', ')}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Link
                      href={diagnoseHref(r.target)}
                      className="whitespace-nowrap font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:hover:text-sky-100"
                    >
                      Diagnose <span className="font-mono">{r.target}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {plural(rows.length, 'TCP listener')}
        {udp > 0 ? ` · ${plural(udp, 'UDP socket')} not shown` : ''} · read from{' '}
        <span className="font-mono">{data.source}</span>
      </p>
      {data.warnings.map((w) => (
        <p key={w} className="text-sm text-amber-900 dark:text-amber-200">
          {w}
        </p>
      ))}
    </div>
  );
}
