import type { Metadata } from 'next';
import { ImportCaseFile } from '@/components/cases/ImportCaseFile';

export const metadata: Metadata = { title: 'Open a case file' };

export default function ImportCasePage() {
  return (
    <div className="grid gap-6 pt-6">
      <h1 className="text-3xl font-semibold tracking-tight">Open a case file</h1>
      <p className="max-w-2xl text-slate-700 dark:text-slate-300">
        Someone sent you a case file from their Localhost Doctor. It opens here as a read-only session: this
        doctor checks their facts again with its own engine and probes nothing on this machine.
      </p>
      <ImportCaseFile />
    </div>
  );
}
