'use client';

/**
 * Which OS the commands are shown for. Defaults to the host's (facts.platform); the switch changes it for
 * everything under one provider, so a page never mixes Windows and Linux commands.
 */
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { Platform } from '@/lib/diagnosis/types';

export type Os = Exclude<Platform, 'any'>;

export const OS_LABEL: Record<Os, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };
export const OS_ORDER: readonly Os[] = ['linux', 'darwin', 'win32'];

const OsContext = createContext<{ os: Os; setOs: (os: Os) => void } | null>(null);

export function OsProvider({ initial, children }: { initial: Os; children: ReactNode }) {
  const [os, setOs] = useState<Os>(initial);
  return <OsContext.Provider value={{ os, setOs }}>{children}</OsContext.Provider>;
}

export function useOs(): { os: Os; setOs: (os: Os) => void } {
  const ctx = useContext(OsContext);
  if (!ctx) throw new Error('useOs must be used inside <OsProvider>');
  return ctx;
}
