'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { shortSessionId } from '@/lib/sessions/entries';
import { recentSessionsQuery } from '@/components/sessions/session-api';
import { formatHourMinute } from '@/components/sessions/format-time';

/** The latest troubleshooting sessions, to pick one up again or open its timeline. */
export function RecentSessions() {
  const query = useQuery(recentSessionsQuery());
  const sessions = query.data?.sessions ?? [];
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="recent-sessions" className="grid gap-3">
      <h2 id="recent-sessions" className="text-xl font-semibold tracking-tight">
        Recent sessions
      </h2>
      <ul className="grid gap-1 text-sm">
        {sessions.map((s) => (
          <li key={s.id}>
            <Link
              href={`/sessions/${s.id}`}
              className="font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
            >
              Session {shortSessionId(s.id)}
            </Link>{' '}
            <span className="font-mono">{s.target}</span> · {s.readOnly ? 'imported' : 'started'}{' '}
            {formatHourMinute(s.createdAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
