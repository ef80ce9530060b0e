import type { Diagnosis, Finding, Platform, Severity, Step } from '@/lib/diagnosis/types';

const STEPS: { step: Step; title: string }[] = [
  { step: 'start', title: 'Start the service' },
  { step: 'open', title: 'Open the address' },
  { step: 'monitor', title: 'Monitor' },
  { step: 'fix', title: 'Fix' },
];

const MARK: Record<Severity, string> = { error: '✗', warning: '!', info: 'i', ok: '✓' };
const COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36', ok: '32' };

/** The diagnosis as text for a terminal: the headline, then each step's findings with this OS's commands. */
export function renderText(d: Diagnosis, options: { color: boolean; platform: Platform }): string {
  const c = (sev: Severity, s: string) => (options.color ? `\x1b[${COLOR[sev]}m${s}\x1b[0m` : s);
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[0m` : s);
  const lines: string[] = [];
  lines.push(`${bold('Localhost Doctor')} — ${d.target.display}`);
  lines.push(c(d.summary.severity, `${MARK[d.summary.severity]} ${d.summary.headline}`));
  for (const { step, title } of STEPS) {
    const findings = d.findings.filter((f) => f.step === step);
    if (findings.length === 0) continue;
    lines.push('', bold(title));
    for (const f of findings) lines.push(...renderFinding(f, options.platform, c));
  }
  return lines.join('\n') + '\n';
}

function renderFinding(f: Finding, platform: Platform, c: (s: Severity, t: string) => string): string[] {
  const out = [`  ${c(f.severity, MARK[f.severity])} ${f.title}`, `    ${f.detail}`];
  const fixes = f.fixes.filter((x) => x.platform === platform || x.platform === 'any');
  for (const fix of fixes) out.push(`    → ${fix.label}:`, `        ${fix.command}`);
  return out;
}
