import type { ReactNode } from 'react';
import type { AppProbe, TlsAnswer } from '@/lib/probe/types';
import type { Target } from '@/lib/target';
import { hostPort } from '@/lib/net';
import { formatBytes, formatMs } from '@/components/ui/format';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-3">
      <dt className="w-36 shrink-0 text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function TlsRows({ tls }: { tls: TlsAnswer }) {
  return (
    <>
      {tls.protocol ? (
        <Row label="TLS">
          {tls.protocol}
          {tls.cipher ? ` · ${tls.cipher}` : ''}
        </Row>
      ) : null}
      {tls.subject ? <Row label="Certificate for">{tls.subject}</Row> : null}
      {tls.altNames ? (
        <Row label="Names it lists">
          {tls.altNames.length > 0 ? tls.altNames.join(', ') : 'none (no subjectAltName)'}
        </Row>
      ) : null}
      {tls.issuer ? (
        <Row label="Issued by">
          {tls.issuer}
          {tls.selfSigned ? ' (itself: self-signed)' : ''}
        </Row>
      ) : null}
      {tls.validFrom ? <Row label="Valid from">{tls.validFrom}</Row> : null}
      {tls.validTo ? <Row label="Valid until">{tls.validTo}</Row> : null}
      {tls.nameMismatch ? <Row label="Name check">{tls.nameMismatch}</Row> : null}
      {tls.authorizationError ? <Row label="Not trusted because">{tls.authorizationError}</Row> : null}
    </>
  );
}

function headline(app: AppProbe): string {
  switch (app.kind) {
    case 'http':
    case 'https':
      return app.http
        ? `${app.kind === 'https' ? 'HTTPS' : 'HTTP'} ${app.http.status} ${app.http.reason}`
        : 'An HTTP answer';
    case 'tls':
      return 'A TLS server, but no HTTP answer over it';
    case 'banner':
      return `Not HTTP: it speaks ${app.protocol && app.protocol !== 'unknown' ? app.protocol : 'another protocol'}`;
    case 'no-response':
      return `It accepted the connection and said nothing for ${formatMs(app.timeMs)}`;
    case 'closed':
      return 'It accepted the connection, then closed it without a word';
    case 'reset':
      return 'It accepted the connection, then reset it';
    case 'error':
      return 'The application check failed';
  }
}

/** Where the address can be opened in a browser: only when an HTTP answer came back. */
export function openUrl(app: AppProbe | null, target: Target): string | null {
  if (!app || (app.kind !== 'http' && app.kind !== 'https')) return null;
  return `${app.kind}://${target.display}${target.path}`;
}

/** What answered on the open socket: the HTTP answer (status, title, server) or what else it was. */
export function AppAnswer({ app, target }: { app: AppProbe | null; target: Target }) {
  if (!app) return <p className="text-sm">No address accepted the connection, so nothing could answer.</p>;
  const url = openUrl(app, target);
  const http = app.http;
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 text-sm dark:border-slate-700 dark:bg-slate-900">
      <p className="flex flex-wrap items-center gap-3">
        <span className="min-w-0 text-base font-semibold [overflow-wrap:anywhere]">{headline(app)}</span>
        {url ? (
          <a
            href={url}
            target="_blank"
            rel="noopener noreferrer"
            className="rounded-md bg-sky-700 px-3 py-1 font-medium text-white hover:bg-sky-800 dark:bg-sky-400 dark:text-slate-950 dark:hover:bg-sky-300"
          >
            Open in a new tab<span className="sr-only"> ({url})</span> ↗
          </a>
        ) : null}
      </p>
      <dl className="mt-2 grid gap-1">
        <Row label="Answered on">
          <span className="font-mono">{hostPort(app.address, app.port)}</span> in {formatMs(app.timeMs)}
        </Row>
        {http?.title ? <Row label="Page title">{http.title}</Row> : null}
        {http?.server ? <Row label="Server">{http.server}</Row> : null}
        {http?.contentType ? <Row label="Content type">{http.contentType}</Row> : null}
        {http?.location ? <Row label="Redirects to">{http.location}</Row> : null}
        {http ? <Row label="First byte after">{formatMs(http.ttfbMs)}</Row> : null}
        {http ? (
          <Row label="Body">
            {formatBytes(http.bodyBytes)}
            {http.bodyTruncated ? ' (stopped reading there)' : ''}
          </Row>
        ) : null}
        {app.tls ? <TlsRows tls={app.tls} /> : null}
        {app.banner ? (
          <Row label="First bytes it sent">
            <span className="break-all font-mono">{app.banner}</span>
          </Row>
        ) : null}
        {app.message ? <Row label="Detail">{app.message}</Row> : null}
      </dl>
    </div>
  );
}
