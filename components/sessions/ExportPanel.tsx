'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getJson } from '@/components/data/api';

interface Redaction {
  id: string;
  kind: string;
  where: string;
  original: string;
  replacement: string;
}

const FORMATS = [
  { format: 'md', label: 'Markdown', why: 'for a chat or an issue' },
  { format: 'json', label: 'JSON', why: 'to open in another doctor' },
  { format: 'html', label: 'HTML', why: 'one file that opens anywhere' },
] as const;

/**
 * Export links to the case file (GET /api/sessions/{id}/report) with the redaction preview: exactly what
 * is replaced before anything leaves the machine, each with a checkbox to keep the original instead.
 */
export function ExportPanel({ sessionId }: { sessionId: string }) {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  const redactions = useQuery({
    queryKey: ['session', sessionId, 'redactions'] as const,
    queryFn: ({ signal }) => getJson<{ redactions: Redaction[] }>(`${base}/redactions`, signal),
    retry: false,
  });
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const href = (format: string) => {
    const params = new URLSearchParams({ format });
    if (kept.size > 0) params.set('keep', [...kept].join(','));
    return `${base}/report?${params}`;
  };
  const list = redactions.data?.redactions ?? [];

  return (
    <section aria-labelledby="export" className="grid gap-3">
      <h2 id="export" className="text-xl font-semibold">
        Export the case file
      </h2>
      <ul className="flex flex-wrap gap-3">
        {FORMATS.map((f) => (
          <li key={f.format}>
            <a
              href={href(f.format)}
              download
              className="inline-block rounded-md border border-slate-400 bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:bg-slate-800"
            >
              {f.label}
            </a>{' '}
            <span className="text-sm text-slate-600 dark:text-slate-400">({f.why})</span>
          </li>
        ))}
      </ul>
      <h3 className="font-semibold">What is redacted</h3>
      {redactions.isPending ? (
        <p className="text-sm">Looking for secrets, home paths and names to redact…</p>
      ) : redactions.isError ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The redaction preview is not available: {redactions.error.message}
        </p>
      ) : list.length === 0 ? (
        <p className="text-sm">Nothing in this session needs redacting.</p>
      ) : (
        <ul className="grid gap-1 text-sm" data-testid="redactions">
          {list.map((r) => (
            <li key={r.id}>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  checked={!kept.has(r.id)}
                  onChange={(e) => {
                    const next = new Set(kept);
                    if (e.target.checked) next.delete(r.id);
                    else next.add(r.id);
                    setKept(next);
                  }}
                />
                <span>
                  {r.kind} in {r.where}: <code className="font-mono line-through">{r.original}</code> →{' '}
                  <code className="font-mono">{r.replacement}</code>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
