import type { Diagnosis } from '@/lib/diagnosis/types';
import { FactSource } from '@/components/ui/FactSource';
import { AppAnswer } from './AppAnswer';
import { AttemptsTable } from './AttemptsTable';
import { FindingCard } from './FindingCard';
import { FactsBlock, StepSection } from './StepSection';
import { STEPS } from '@/lib/diagnosis/steps';
import { findingsOf, stepMark } from './steps';

/** How the name turned into addresses, and what happened at each one, then what answered. */
export function OpenStep({ diagnosis }: { diagnosis: Diagnosis }) {
  const { target, facts } = diagnosis;
  const findings = findingsOf(diagnosis.findings, 'open');
  const { resolution, probes } = facts;
  return (
    <StepSection step={STEPS[1]!} mark={stepMark(findings)}>
      {findings.map((f) => (
        <FindingCard key={f.id} finding={f} lessonTarget={target} />
      ))}
      <FactsBlock title={`What ${target.host} means`}>
        {resolution.status === 'ok' ? (
          target.hostKind === 'name' ? (
            <p className="text-sm">
              <span className="font-mono">{target.host}</span> resolved to{' '}
              {resolution.value.addresses.map((a, i) => (
                <span key={a.address}>
                  {i > 0 ? (i === resolution.value.addresses.length - 1 ? ', then ' : ', ') : ''}
                  <span className="font-mono">{a.address}</span> ({a.family})
                </span>
              ))}
              , in this order.
            </p>
          ) : (
            <p className="text-sm">
              <span className="font-mono">{target.host}</span> is already an address: nothing to look up.
            </p>
          )
        ) : null}
        <FactSource fact={resolution} />
      </FactsBlock>
      <FactsBlock title="Each address">
        {probes.status === 'ok' ? (
          <AttemptsTable attempts={probes.value.attempts} findings={diagnosis.findings} />
        ) : null}
        <FactSource fact={probes} />
      </FactsBlock>
      {probes.status === 'ok' ? (
        <FactsBlock title="What answered">
          <AppAnswer app={probes.value.application} target={target} />
        </FactsBlock>
      ) : null}
    </StepSection>
  );
}
