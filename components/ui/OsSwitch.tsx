'use client';

import { useId } from 'react';
import { OS_LABEL, OS_ORDER, useOs } from './os';

/** "Commands for: Linux · macOS · Windows" — native radios, so arrow keys and screen readers just work. */
export function OsSwitch({ hostOs }: { hostOs?: string }) {
  const { os, setOs } = useOs();
  const name = useId();
  return (
    <fieldset className="flex flex-wrap items-center gap-2 text-sm">
      <legend className="float-left mr-1 text-slate-600 dark:text-slate-400">Commands for</legend>
      <div className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5 dark:border-slate-600 dark:bg-slate-900">
        {OS_ORDER.map((o) => (
          <label
            key={o}
            className="cursor-pointer rounded-md px-3 py-1 text-slate-700 has-[:checked]:bg-slate-800 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-sky-600 dark:text-slate-300 dark:has-[:checked]:bg-slate-200 dark:has-[:checked]:text-slate-950"
          >
            <input
              type="radio"
              name={name}
              value={o}
              checked={os === o}
              onChange={() => setOs(o)}
              className="sr-only"
            />
            {OS_LABEL[o]}
            {hostOs === o ? <span className="sr-only"> (this machine)</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
