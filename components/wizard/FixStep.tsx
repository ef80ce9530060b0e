import type { Diagnosis } from '@/lib/diagnosis/types';
import { RichText } from '@/components/ui/RichText';
import { StatusMark } from '@/components/ui/StatusMark';
import { FindingCard } from './FindingCard';
import { PortTakenActions } from './PortTakenActions';
import { FactsBlock, StepSection } from './StepSection';
import { STEPS } from '@/lib/diagnosis/steps';
import { fixStepFindings, isProblem, markOfStep, stepAnchor } from './steps';
import { StopOutcome } from './StopOutcome';

/**
 * Every problem in one list, worst first, each with its fixes — a problem found in an earlier step shows its
 * first fix here and links back to the rest — then the titles of everything checked and found fine.
 */
export function FixStep({ diagnosis, input }: { diagnosis: Diagnosis; input?: string }) {
  const { toFix, fine } = fixStepFindings(diagnosis.findings);
  const problems = toFix.filter(isProblem).length;
  const statusText = problems === 0 ? 'Nothing to fix' : `${problems} to fix`;
  return (
    <StepSection step={STEPS[3]!} mark={markOfStep(diagnosis.findings, 'fix')} statusText={statusText}>
      <StopOutcome place="fix" />
      {problems === 0 ? <p>Nothing to fix: no check found a problem.</p> : null}
      {toFix.map((f) => {
        const home = STEPS.find((s) => s.id === f.step)!;
        return (
          <FindingCard
            key={f.id}
            finding={f}
            lessonTarget={diagnosis.target}
            preferredFix={f.id === diagnosis.summary.cause ? diagnosis.summary.firstFix : null}
            fixesAt={f.step === 'fix' ? undefined : { href: `#${stepAnchor(f.step)}`, stepTitle: home.title }}
            actions={
              f.id === 'port-taken' ? (
                <PortTakenActions
                  diagnosis={diagnosis}
                  finding={f}
                  input={input ?? diagnosis.target.input}
                  place="fix"
                />
              ) : undefined
            }
          />
        );
      })}
      {fine.length > 0 ? (
        <FactsBlock title="Checked and fine">
          <ul className="grid gap-2">
            {fine.map((f) => (
              <li key={f.id} className="flex items-start gap-2 text-sm">
                <StatusMark mark="ok" size="sm" />
                {/* Titles only: the details are in the step each finding belongs to. */}
                <RichText text={f.title} />
              </li>
            ))}
          </ul>
        </FactsBlock>
      ) : null}
    </StepSection>
  );
}
