'use client';

import { useState } from 'react';

/**
 * A long monospace value (a command line) shown on two lines with a toggle for the rest. Screen readers get
 * the whole text either way: the clamp is visual only.
 */
export function ClampedCode({ text, label, limit = 160 }: { text: string; label: string; limit?: number }) {
  const [open, setOpen] = useState(false);
  const long = text.length > limit;
  return (
    <div className="min-w-0">
      <p
        className={`whitespace-pre-wrap font-mono text-[13px] text-slate-700 [overflow-wrap:anywhere] dark:text-slate-300 ${long && !open ? 'line-clamp-2' : ''}`}
      >
        <span className="sr-only">{label}: </span>
        {text}
      </p>
      {long ? (
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          className="text-xs font-medium text-sky-800 underline underline-offset-2 dark:text-sky-300"
        >
          {open ? 'Show less' : `Show the whole ${label.toLowerCase()}`}
        </button>
      ) : null}
    </div>
  );
}
