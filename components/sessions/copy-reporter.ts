'use client';

import { createContext, useContext } from 'react';

/** Told about every command copied on the page (text and label), when something wants to know. */
export type CopyReporter = (copied: { command: string; label: string | undefined }) => void;

export const CopyReporterContext = createContext<CopyReporter | null>(null);

/** null outside a session: copying works the same, only nothing is recorded. */
export function useCopyReporter(): CopyReporter | null {
  return useContext(CopyReporterContext);
}
