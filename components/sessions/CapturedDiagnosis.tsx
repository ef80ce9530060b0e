import type { Diagnosis } from '@/lib/diagnosis/types';
import { STEPS } from '@/lib/diagnosis/steps';
import { FindingCard } from '@/components/wizard/FindingCard';
import { findingsOf } from '@/components/wizard/steps';
import { RichText } from '@/components/ui/RichText';
import { StatusMark } from '@/components/ui/StatusMark';

/**
 * A recorded diagnosis in the wizard's own four steps and finding cards: for an imported case file, what the
 * person who helps reads (the findings this doctor's checks gave on the captured facts). Nothing here probes
 * or acts: there are no Stop buttons, because the processes are on another machine.
 */
export function CapturedDiagnosis({ diagnosis, heading }: { diagnosis: Diagnosis; heading: string }) {
  const lessonTarget = { host: diagnosis.target.host, port: diagnosis.target.port };
  return (
    <section aria-labelledby="captured-diagnosis" className="grid gap-4">
      <h2 id="captured-diagnosis" className="text-xl font-semibold">
        {heading}
      </h2>
      <p className="flex items-start gap-2 text-lg" data-testid="captured-headline">
        <StatusMark mark={diagnosis.summary.severity} size="sm" />
        <RichText text={diagnosis.summary.headline} />
      </p>
      {STEPS.map((step) => {
        const findings = findingsOf(diagnosis.findings, step.id);
        if (findings.length === 0) return null;
        return (
          <section key={step.id} aria-label={`${step.number}. ${step.title}`} className="grid gap-3">
            <h3 className="font-semibold">
              {step.number}. {step.title}
            </h3>
            {findings.map((f) => (
              <FindingCard key={f.id} finding={f} lessonTarget={lessonTarget} />
            ))}
          </section>
        );
      })}
    </section>
  );
}
