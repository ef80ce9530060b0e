/**
 * A case file as Markdown, for a chat or an issue. Everything that came from the machine is escaped so it
 * stays text (no heading, link, emphasis or HTML a server or a note could smuggle in), commands sit in
 * fences longer than any backtick run inside them, and the full facts fold away in <details>.
 */
import type { Severity } from '@/lib/diagnosis/types';
import { neutraliseBidi } from '@/lib/text/outside';
import type { CaseFile } from './schema';
import { caseView } from './view';

const MARK: Record<Severity, string> = {
  error: '\u2717 error',
  warning: '! warning',
  info: 'i info',
  ok: '\u2713 ok',
};

/**
 * Inline text: one line, and every character CommonMark or GitHub could read as structure
 * backslash-escaped (CommonMark lets any ASCII punctuation be escaped, so the reader sees the same text).
 */
export function mdText(text: string): string {
  return neutraliseBidi(text)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]<>!|~&#]/g, '\\$&');
}

/** A fenced block whose fence no text inside it can close. */
export function mdFence(body: string, info = ''): string {
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body.replace(/\r\n?/g, '\n')}\n${fence}`;
}

const cell = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : mdText(String(v));

export function caseToMarkdown(caseFile: CaseFile): string {
  const v = caseView(caseFile);
  const out: string[] = [];
  out.push(`# ${mdText(v.title)}`, '');
  out.push(`**${v.severity ? MARK[v.severity] : 'no diagnosis'}:** ${mdText(v.headline)}`, '');
  out.push(
    `Captured on ${mdText(v.machine)}${v.diagnosedAt ? `, last diagnosis ${v.diagnosedAt}` : ''}; exported ${v.exportedAt} by ${mdText(v.appVersion)}. Session ${mdText(v.sessionId)}.`,
    '',
  );
  if (v.findings.length) {
    out.push('## Findings', '');
    for (const f of v.findings) {
      out.push(`### ${MARK[f.severity]} \u00b7 ${mdText(f.id)} \u00b7 ${mdText(f.title)}`, '');
      out.push(`Step: ${f.step}. ${mdText(f.detail)}`, '');
      for (const fix of f.fixes)
        out.push(`${mdText(fix.label)} (${fix.platform}):`, '', mdFence(fix.command), '');
    }
  }
  if (v.listeners) {
    out.push(`## Listeners on port ${v.listenerPort ?? ''}`, '');
    if (v.listeners.length === 0) out.push('Nothing listens on this port.', '');
    else {
      out.push(
        '| protocol | address | port | pid | process | user | command |',
        '| --- | --- | --- | --- | --- | --- | --- |',
      );
      for (const l of v.listeners)
        out.push(
          `| ${[l.protocol, l.address, l.port, l.pid, l.process, l.user, l.argv?.join(' ') ?? l.command].map(cell).join(' | ')} |`,
        );
      out.push('');
    }
  }
  if (v.timeline.length) {
    out.push('## Timeline', '');
    for (const t of v.timeline) {
      out.push(`- ${t.at}: ${mdText(t.text)}`);
      if (t.command) out.push('', mdFence(t.command).replace(/^/gm, '  '), '');
    }
    out.push('');
  }
  if (v.factsJson) {
    out.push(
      '<details><summary>All facts of the last diagnosis (JSON)</summary>',
      '',
      mdFence(v.factsJson, 'json'),
      '',
      '</details>',
      '',
    );
  }
  return out.join('\n');
}
