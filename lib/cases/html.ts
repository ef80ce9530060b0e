/**
 * A case file as one HTML page that opens from a mail attachment on a machine without the app: inline
 * styles only, no script, nothing that fetches (no links, images, fonts), a CSP that forbids all of it
 * anyway, and every string from the machine HTML-escaped.
 */
import type { Severity } from '@/lib/diagnosis/types';
import { neutraliseBidi } from '@/lib/text/outside';
import type { CaseFile } from './schema';
import { caseView } from './view';

export const CASE_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string | number | null | undefined): string =>
  text === null || text === undefined
    ? ''
    : neutraliseBidi(String(text)).replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const COLOR: Record<Severity, string> = {
  error: '#b42318',
  warning: '#b54708',
  info: '#175cd3',
  ok: '#067647',
};

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2939}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .3rem}
.sev{font-weight:600;text-transform:uppercase;font-size:.8rem;letter-spacing:.03em}
pre{background:#f2f4f7;padding:.6rem .8rem;border-radius:6px;white-space:pre-wrap;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #d0d5dd;padding:.25rem .5rem;text-align:left;vertical-align:top;white-space:nowrap}td.cmd{white-space:normal;overflow-wrap:anywhere;font-family:ui-monospace,monospace;font-size:.8rem}
.meta{color:#475467}.headline{font-size:1.1rem}li{margin:.3rem 0}p,li{overflow-wrap:anywhere}
`;

export function caseToHtml(caseFile: CaseFile): string {
  const v = caseView(caseFile);
  const sev = (s: Severity) => `<span class="sev" style="color:${COLOR[s]}">${s}</span>`;
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CASE_HTML_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(v.title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(v.title)}</h1>`,
    `<p class="headline" data-case="headline">${v.severity ? sev(v.severity) : ''} ${escapeHtml(v.headline)}</p>`,
    `<p class="meta">Captured on ${escapeHtml(v.machine)}${v.diagnosedAt ? `, last diagnosis ${escapeHtml(v.diagnosedAt)}` : ''}; exported ${escapeHtml(v.exportedAt)} by ${escapeHtml(v.appVersion)}. Session ${escapeHtml(v.sessionId)}.</p>`,
  );
  if (v.findings.length) {
    parts.push('<h2>Findings</h2>');
    for (const f of v.findings) {
      parts.push(
        `<section data-finding="${escapeHtml(f.id)}"><h3>${sev(f.severity)} ${escapeHtml(f.title)} <code>${escapeHtml(f.id)}</code></h3>`,
        `<p>Step: ${escapeHtml(f.step)}. ${escapeHtml(f.detail)}</p>`,
        ...f.fixes.map(
          (fix) =>
            `<p>${escapeHtml(fix.label)} (${escapeHtml(fix.platform)}):</p><pre>${escapeHtml(fix.command)}</pre>`,
        ),
        '</section>',
      );
    }
  }
  if (v.listeners) {
    parts.push(`<h2>Listeners on port ${escapeHtml(v.listenerPort)}</h2>`);
    if (v.listeners.length === 0) parts.push('<p>Nothing listens on this port.</p>');
    else
      parts.push(
        '<table><thead><tr><th>protocol</th><th>address</th><th>port</th><th>pid</th><th>process</th><th>user</th><th>command</th></tr></thead><tbody>',
        ...v.listeners.map(
          (l) =>
            `<tr>${[l.protocol, l.address, l.port, l.pid, l.process, l.user, l.argv?.join(' ') ?? l.command].map((c, i, all) => `<td${i === all.length - 1 ? ' class="cmd"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
        ),
        '</tbody></table>',
      );
  }
  if (v.timeline.length) {
    parts.push(
      '<h2>Timeline</h2><ol>',
      ...v.timeline.map(
        (t) =>
          `<li><span class="meta">${escapeHtml(t.at)}</span> ${escapeHtml(t.text)}${t.command ? `<pre>${escapeHtml(t.command)}</pre>` : ''}</li>`,
      ),
      '</ol>',
    );
  }
  if (v.factsJson)
    parts.push(
      `<details><summary>All facts of the last diagnosis (JSON)</summary><pre>${escapeHtml(v.factsJson)}</pre></details>`,
    );
  parts.push('</body></html>', '');
  return parts.join('\n');
}
