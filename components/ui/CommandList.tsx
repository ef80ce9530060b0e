'use client';

import type { ReactNode } from 'react';
import type { Fix } from '@/lib/diagnosis/types';
import { CommandBlock } from './CommandBlock';
import { fixesFor } from '@/lib/diagnosis/fixes-for';
import { OS_LABEL, useOs } from './os';

export interface CommandListProps {
  fixes: readonly Fix[];
  /** Label beside each command: for long lists of alternatives. */
  dense?: boolean;
  /** Show only the first `limit` commands, then `more` (e.g. a link to where all of them are). */
  limit?: number;
  more?: (hidden: number) => ReactNode;
}

/** The fixes for the OS picked in the switch. Says so when none apply, rather than rendering nothing. */
export function CommandList({ fixes, dense = false, limit, more }: CommandListProps) {
  const { os } = useOs();
  const all = fixesFor(fixes, os);
  const shown = limit === undefined ? all : all.slice(0, limit);
  const hidden = all.length - shown.length;
  if (fixes.length === 0) return null;
  if (shown.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        No command for {OS_LABEL[os]} here; switch the OS above to see the others.
      </p>
    );
  }
  return (
    <ul className={dense ? 'grid gap-2' : 'grid gap-3'}>
      {shown.map((f) => (
        <li key={`${f.platform}:${f.label}:${f.command}`} className="min-w-0">
          <CommandBlock label={f.label} command={f.command} dense={dense} />
        </li>
      ))}
      {hidden > 0 && more ? <li>{more(hidden)}</li> : null}
    </ul>
  );
}
