export interface LabDiagnosisResult {
  findings: { id: string; severity: string; title: string }[];
  summary: { headline: string };
}

/** The doctor's answer for the lab's address, short: the headline and every finding that is not "ok". */
export function LabDiagnosis({ diagnosis }: { diagnosis: LabDiagnosisResult }) {
  const shown = diagnosis.findings.filter((f) => f.severity !== 'ok' && f.id !== 'test-commands');
  return (
    <div className="grid gap-2 rounded-md bg-slate-50 p-3 dark:bg-slate-950">
      <p className="font-medium">{diagnosis.summary.headline}</p>
      <ul className="grid list-disc gap-1 pl-5 text-sm">
        {shown.map((f) => (
          <li key={f.id} data-finding={f.id}>
            <span className="font-mono text-xs uppercase text-slate-600 dark:text-slate-400">
              {f.severity}
            </span>{' '}
            {f.title}
          </li>
        ))}
      </ul>
    </div>
  );
}
