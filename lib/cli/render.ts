import type { Diagnosis, Finding, Platform, Severity } from '@/lib/diagnosis/types';
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { STEPS } from '@/lib/diagnosis/steps';
import { forTerminal } from '@/lib/text/outside';

const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i', ok: '✓' };
const COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', ok: '32' };

/**
 * The diagnosis as text for a terminal: the headline, then each step's findings with this OS's commands.
 * Every text field may quote a server or a process (reason phrase, Server header, command line), so each
 * one passes through forTerminal before the CLI adds its own colours: only those reach the terminal as
 * escape sequences.
 */
export function renderText(d: Diagnosis, options: { color: boolean; platform: Platform }): string {
  const c = (sev: Severity, s: string) => (options.color ? `\x1b[${COLOR[sev]}m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(`${bold('Localhost Doctor')} — ${forTerminal(d.target.display)}`);
  lines.push(c(d.summary.severity, `${MARK[d.summary.severity]} ${forTerminal(d.summary.headline)}`));
  for (const { id, title } of STEPS) {
    const findings = d.findings.filter((f) => f.step === id);
    if (findings.length === 0) continue;
    lines.push('', bold(title));
    for (const f of findings) lines.push(...renderFinding(f, options.platform, c));
  }
  return lines.join('\n') + '\n';
}

function renderFinding(f: Finding, platform: Platform, c: (s: Severity, t: string) => string): string[] {
  const out = [
    `  ${c(f.severity, MARK[f.severity])} ${forTerminal(f.title)}`,
    `    ${forTerminal(f.detail)}`,
  ];
  for (const fix of fixesFor(f.fixes, platform))
    out.push(`    → ${forTerminal(fix.label)}:`, `        ${forTerminal(fix.command)}`);
  return out;
}

/**
 * JSON for a terminal, still exact: JSON.stringify escapes C0 controls but leaves C1 controls, bidi
 * controls and U+2028/U+2029 raw. Writing those as \uXXXX escapes gives the same value to any JSON parser.
 */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
