/**
 * Guide mode: the wizard's four steps read out one at a time by the person helping over a call. Each step
 * says the sentence to read out (from the real facts), the one thing to do next, and whether it holds —
 * "Next" is offered only then. Pure: the diagnosis in, the steps out.
 */
import { testFixes, whoListensFixes } from '@/lib/diagnosis/commands';
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { STEPS } from '@/lib/diagnosis/steps';
import type { Diagnosis, Step } from '@/lib/diagnosis/types';
import { attempts, application, listAnd, targetUrl, tcpListeners } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { capOutside, forTerminal, quoteOutside } from '@/lib/text/outside';

/** A process name inside a sentence: one line, and no mark the page would read as code or a quotation. */
const plainName = (name: string) => forTerminal(capOutside(name, 40)).replace(/[`\u201c\u201d]/g, "'");

export interface GuideStep {
  step: Step;
  title: string;
  /** What to read out, with commands in `backticks`. */
  say: string;
  /** The single thing to do before moving on. */
  next: string;
  holds: boolean;
}

function firstCommand(fixes: ReturnType<typeof whoListensFixes>, d: Diagnosis): string | null {
  return fixesFor(fixes, d.facts.platform)[0]?.command ?? null;
}

function startStep(d: Diagnosis): Omit<GuideStep, 'title'> {
  const { port } = d.target;
  const listeners = tcpListeners(d.facts);
  const look = firstCommand(whoListensFixes(port), d);
  const ask = look ? `Ask them to run \`${look}\`` : `Ask them to look at who listens on port ${port}`;
  if (listeners === null)
    return {
      step: 'start',
      say: `${ask}; the doctor could not read this machine's listening sockets itself.`,
      next: 'Find out from them what their server printed when it started.',
      holds: false,
    };
  if (listeners.length === 0)
    return {
      step: 'start',
      say: `${ask}; it should show their server, and right now nothing listens on port ${port}.`,
      next: `Ask them to start their server on port ${port}, then wait here until it shows up.`,
      holds: false,
    };
  const who = listAnd(
    listeners.map(
      (l) => `${l.process ? plainName(l.process) : 'a process'} on ${hostPort(l.address, l.port)}`,
    ),
  );
  return {
    step: 'start',
    say: `${ask}; it should show ${who}.`,
    next: 'It listens: go on to opening the address.',
    holds: true,
  };
}

function openStep(d: Diagnosis): Omit<GuideStep, 'title'> {
  const url = targetUrl(d.facts);
  const curl = firstCommand(testFixes(url, d.target.host, d.target.port), d);
  const open = attempts(d.facts).find((a) => a.outcome === 'open');
  const app = application(d.facts);
  const ask = `Ask them to open ${url} in their browser${curl ? ` or run \`${curl}\`` : ''}`;
  if (!open) {
    const outcome = attempts(d.facts)[0]?.outcome ?? 'no answer';
    return {
      step: 'open',
      say: `${ask}; the doctor's own connection got: ${outcome}.`,
      next: 'Go back to the start step with them: the address does not accept connections yet.',
      holds: false,
    };
  }
  const answer = app?.http
    ? `HTTP ${app.http.status}${app.http.title ? ` ${quoteOutside(capOutside(app.http.title, 80))}` : ''}`
    : 'a connection';
  return {
    step: 'open',
    say: `${ask}; it should answer, as it did for the doctor: ${answer}.`,
    next: 'It answers here: ask whether they see the same, then go on to monitoring.',
    holds: true,
  };
}

function monitorStep(d: Diagnosis): Omit<GuideStep, 'title'> {
  const problems = d.findings.filter((f) => f.step === 'monitor' && f.severity === 'error');
  if (problems.length > 0)
    return {
      step: 'monitor',
      say: `Tell them what the doctor sees while it watches: ${problems[0]!.title}.`,
      next: 'Ask them to reproduce what fails while this page watches, or press Record.',
      holds: false,
    };
  return {
    step: 'monitor',
    say: 'Ask them to do what fails for them once more while this page watches the port (or press Record).',
    next: 'Nothing alarming on the port: go on to the fix.',
    holds: true,
  };
}

function fixStep(d: Diagnosis): Omit<GuideStep, 'title'> {
  const fix = d.summary.firstFix;
  const fine = d.summary.severity !== 'error';
  return {
    step: 'fix',
    say: fix ? `${d.summary.headline} Ask them to run \`${fix.command}\`.` : d.summary.headline,
    next: fine
      ? 'It works now: say what fixed it, and note it in the session.'
      : 'Check again once they did it.',
    holds: fine,
  };
}

const BUILDERS: Record<Step, (d: Diagnosis) => Omit<GuideStep, 'title'>> = {
  start: startStep,
  open: openStep,
  monitor: monitorStep,
  fix: fixStep,
};

export function guideSteps(d: Diagnosis): GuideStep[] {
  return STEPS.map((s) => ({ ...BUILDERS[s.id](d), title: s.title }));
}

const STEP_IDS = STEPS.map((s) => s.id) as readonly string[];

/** The step the guide stands on: the latest guide-step action in the session, else the first step. */
export function currentGuideStep(entries: readonly { kind: string; action?: string; step?: string }[]): Step {
  for (const e of [...entries].reverse())
    if (e.kind === 'action' && e.action === 'guide-step' && e.step && STEP_IDS.includes(e.step))
      return e.step as Step;
  return 'start';
}
