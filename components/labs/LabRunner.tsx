'use client';

import { useState } from 'react';
import Link from 'next/link';
import { getJson, postJson } from '@/components/data/api';
import { CommandBlock } from '@/components/ui/CommandBlock';
import { ErrorNotice } from '@/components/ui/ErrorNotice';
import { diagnoseHref } from '@/components/ui/hrefs';
import { RichText } from '@/components/ui/RichText';
import { LabDiagnosis, type LabDiagnosisResult } from './LabDiagnosis';

interface Choice {
  findingId: string;
  label: string;
}

interface RunDetail {
  run: {
    id: string;
    labId: string;
    target: string;
    intent: 'reach' | 'start';
    startedAt: string;
    unsaved?: string;
  };
  fix: { label: string; command: string }[];
  firstHint: string;
  processes: { pid: number; role: string; running: boolean }[];
  namespace: string | null;
  asksForAddress: boolean;
}

const section =
  'grid gap-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900';
const button =
  'rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800 disabled:opacity-50 dark:bg-sky-400 dark:text-slate-950';
const quiet =
  'rounded-md border border-slate-300 px-3 py-1.5 text-slate-800 hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800';

function wizardHref(target: string, intent: 'reach' | 'start'): string {
  return diagnoseHref(target) + (intent === 'start' ? '?intent=start' : '');
}

/** One lab, from start to solved: the address, the doctor pointed at it, the question, hints, the check. */
export function LabRunner({ labId, choices }: { labId: string; choices: Choice[] }) {
  const [detail, setDetail] = useState<RunDetail | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [diagnosis, setDiagnosis] = useState<LabDiagnosisResult | null>(null);
  const [picked, setPicked] = useState<string>('');
  const [answer, setAnswer] = useState<{ correct: boolean; explanation: string } | null>(null);
  const [hints, setHints] = useState<string[]>([]);
  const [address, setAddress] = useState('');
  const [check, setCheck] = useState<{ solved: boolean; hint: string } | null>(null);
  const [stopped, setStopped] = useState(false);

  async function act<T>(what: string, work: () => Promise<T>): Promise<T | null> {
    setBusy(what);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(null);
    }
  }

  const fresh = (d: RunDetail) => {
    setDetail(d);
    setDiagnosis(null);
    setAnswer(null);
    setCheck(null);
    setHints([d.firstHint]);
    setStopped(false);
  };

  const start = () =>
    act('start', async () => {
      const { run } = await postJson<{ run: { id: string } }>(`/api/labs/${labId}/start`, {});
      fresh(await getJson<RunDetail>(`/api/labs/runs/${run.id}`));
    });
  const reset = (id: string) =>
    act('reset', async () => {
      await postJson(`/api/labs/runs/${id}/reset`, {});
      fresh(await getJson<RunDetail>(`/api/labs/runs/${id}`));
    });
  const stop = (id: string) =>
    act('stop', async () => {
      await postJson(`/api/labs/runs/${id}/stop`, {});
      setStopped(true);
    });
  const diagnose = (d: RunDetail) =>
    act('diagnose', async () => {
      const q = new URLSearchParams({ target: d.run.target, intent: d.run.intent, lab: d.run.id });
      setDiagnosis(await getJson<LabDiagnosisResult>(`/api/diagnose?${q}`));
    });
  const submitAnswer = (id: string) =>
    act('answer', async () => {
      const a = await postJson<{ correct: boolean; explanation: string }>(`/api/labs/runs/${id}/answer`, {
        findingId: picked,
      });
      setAnswer(a);
    });
  const checkFix = (d: RunDetail) =>
    act('check', async () => {
      const body = d.asksForAddress && address.trim() ? { target: address.trim() } : {};
      const c = await postJson<{ solved: boolean; hint: string }>(`/api/labs/runs/${d.run.id}/check`, body);
      setCheck(c);
      if (!c.solved) setHints((h) => (h.includes(c.hint) ? h : [...h, c.hint]));
    });

  if (!detail || stopped)
    return (
      <section aria-label="Start" className={section}>
        {stopped ? <p role="status">The lab is stopped: every process it started has exited.</p> : null}
        <div>
          <button type="button" className={button} disabled={busy !== null} onClick={() => void start()}>
            {busy === 'start' ? 'Breaking things…' : stopped ? 'Start it again' : 'Start the lab'}
          </button>
        </div>
        {error ? <ErrorNotice error={error} title="The lab could not start" /> : null}
      </section>
    );

  const { run } = detail;
  return (
    <div className="grid gap-4">
      <section aria-label="The address" className={section}>
        <h2 className="text-xl font-semibold">The address</h2>
        <p>
          Diagnose <code className="font-mono">{run.target}</code>
          {run.intent === 'start' ? ' — you are about to start a server there' : ''}.
          {run.unsaved ? ` Progress is not saved right now: ${run.unsaved}.` : ''}
        </p>
        <div className="flex flex-wrap gap-2">
          {detail.namespace ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              This lab runs in its own network namespace <code className="font-mono">{detail.namespace}</code>
              : the doctor runs there for you.
            </p>
          ) : (
            <Link className={quiet} href={wizardHref(run.target, run.intent)} target="_blank">
              Open it in the doctor
            </Link>
          )}
          <button
            type="button"
            className={quiet}
            disabled={busy !== null}
            onClick={() => void diagnose(detail)}
          >
            {busy === 'diagnose' ? 'Diagnosing…' : 'Diagnose it here'}
          </button>
        </div>
        {diagnosis ? <LabDiagnosis diagnosis={diagnosis} /> : null}
      </section>

      <section aria-label="What is wrong?" className={section}>
        <h2 className="text-xl font-semibold">What is wrong?</h2>
        <fieldset className="grid gap-1">
          <legend className="sr-only">Choose the cause</legend>
          {choices.map((c) => (
            <label key={c.findingId} className="flex items-start gap-2">
              <input
                type="radio"
                name="cause"
                value={c.findingId}
                checked={picked === c.findingId}
                onChange={() => setPicked(c.findingId)}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </fieldset>
        <div>
          <button
            type="button"
            className={button}
            disabled={busy !== null || picked === '' || answer?.correct === true}
            onClick={() => void submitAnswer(run.id)}
          >
            Answer
          </button>
        </div>
        {answer ? (
          <p role="status" data-correct={answer.correct}>
            <RichText text={answer.explanation} />
          </p>
        ) : null}
      </section>

      <section aria-label="Hints" className={section}>
        <h2 className="text-xl font-semibold">Hints</h2>
        <ol className="grid list-decimal gap-1 pl-5">
          {hints.map((h) => (
            <li key={h}>
              <RichText text={h} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-label="Fix it" className={section}>
        <h2 className="text-xl font-semibold">Fix it</h2>
        {answer?.correct ? (
          <div className="grid gap-2">
            {detail.fix.map((f) => (
              <CommandBlock key={f.label} label={f.label} command={f.command} />
            ))}
          </div>
        ) : (
          <p className="text-slate-700 dark:text-slate-300">
            Find the cause first; then the fix appears here.
          </p>
        )}
        {detail.asksForAddress ? (
          <label className="grid gap-1">
            <span>The address you use now (leave empty to check {run.target})</span>
            <input
              className="rounded-md border border-slate-300 px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-950"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          </label>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={button}
            disabled={busy !== null}
            onClick={() => void checkFix(detail)}
          >
            {busy === 'check' ? 'Checking…' : 'Check my fix'}
          </button>
          <button type="button" className={quiet} disabled={busy !== null} onClick={() => void reset(run.id)}>
            Reset the lab
          </button>
          <button type="button" className={quiet} disabled={busy !== null} onClick={() => void stop(run.id)}>
            {busy === 'stop' ? 'Stopping…' : 'Stop the lab'}
          </button>
        </div>
        {check ? (
          check.solved ? (
            <div role="status" className="grid gap-1">
              <h3 className="text-lg font-semibold text-emerald-800 dark:text-emerald-300">Solved</h3>
              <p>
                <RichText text={check.hint} />
              </p>
            </div>
          ) : (
            <p role="status">
              <RichText text={check.hint} />
            </p>
          )
        ) : null}
      </section>
      {error ? <ErrorNotice error={error} title="That did not work" /> : null}
    </div>
  );
}
