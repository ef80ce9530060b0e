/** How each severity looks and reads. Presentation only: which severity applies is always the engine's call. */
import type { Severity } from '@/lib/diagnosis/types';

/** 'none' = a step the engine said nothing about; 'pending' = still being checked. */
export type Mark = Severity | 'none' | 'pending';

export const MARK_LABEL: Record<Mark, string> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Note',
  ok: 'OK',
  none: 'Nothing to report',
  pending: 'Checking',
};

export const MARK_GLYPH: Record<Exclude<Mark, 'pending'>, string> = {
  error: '✕',
  warning: '!',
  info: 'i',
  ok: '✓',
  none: '–',
};

/** Solid round badge behind the glyph; white/black text chosen for ≥ 4.5:1 contrast in both themes. */
export const MARK_BADGE: Record<Exclude<Mark, 'pending'>, string> = {
  error: 'bg-red-700 text-white dark:bg-red-500 dark:text-slate-950',
  warning: 'bg-amber-400 text-slate-950 dark:bg-amber-300',
  info: 'bg-sky-700 text-white dark:bg-sky-400 dark:text-slate-950',
  ok: 'bg-emerald-700 text-white dark:bg-emerald-400 dark:text-slate-950',
  none: 'bg-slate-300 text-slate-800 dark:bg-slate-600 dark:text-slate-100',
};

/** Tinted panels (verdict banner, finding cards). */
export const SEVERITY_PANEL: Record<Severity, string> = {
  error: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40',
  warning: 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/30',
  info: 'border-sky-200 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/30',
  ok: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/30',
};

/** Text colour for a status word next to a mark. */
export const MARK_TEXT: Record<Mark, string> = {
  error: 'text-red-800 dark:text-red-300',
  warning: 'text-amber-800 dark:text-amber-200',
  info: 'text-sky-800 dark:text-sky-300',
  ok: 'text-emerald-800 dark:text-emerald-300',
  none: 'text-slate-600 dark:text-slate-400',
  pending: 'text-slate-600 dark:text-slate-400',
};

/** Left edge of a finding card: a calm way to colour-code a list of cards. */
export const SEVERITY_EDGE: Record<Severity, string> = {
  error: 'border-l-red-600 dark:border-l-red-500',
  warning: 'border-l-amber-500 dark:border-l-amber-300',
  info: 'border-l-sky-600 dark:border-l-sky-400',
  ok: 'border-l-emerald-600 dark:border-l-emerald-400',
};
