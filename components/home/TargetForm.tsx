'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { diagnoseHref } from '@/components/ui/hrefs';

export interface TargetFormProps {
  initial?: string;
  /** Id of a heading that already asks the question (the home page's h1); otherwise `heading` is shown. */
  labelledBy?: string;
  heading?: string;
}

/** One text box, Enter submits. Parsing and validation are the engine's: a bad address is explained there. */
export function TargetForm({ initial = '', labelledBy, heading = 'Address' }: TargetFormProps) {
  const router = useRouter();
  const [value, setValue] = useState(initial);
  const [empty, setEmpty] = useState(false);
  const id = useId();

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) {
      setEmpty(true);
      return;
    }
    router.push(diagnoseHref(value));
  }

  return (
    <form onSubmit={submit} role="search" aria-labelledby={labelledBy} className="grid gap-2">
      {labelledBy ? null : (
        <label htmlFor={`${id}-input`} className="font-semibold">
          {heading}
        </label>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={`${id}-input`}
          name="target"
          type="text"
          inputMode="url"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="127.0.0.1:62893"
          aria-labelledby={labelledBy}
          aria-describedby={empty ? `${id}-error` : undefined}
          aria-invalid={empty || undefined}
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setEmpty(false);
          }}
          className="min-w-0 flex-1 rounded-lg border border-slate-400 bg-white px-4 py-3 font-mono text-lg text-slate-900 placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-400"
        />
        <button
          type="submit"
          className="rounded-lg bg-sky-700 px-5 py-3 text-lg font-semibold text-white hover:bg-sky-800 dark:bg-sky-400 dark:text-slate-950 dark:hover:bg-sky-300"
        >
          Diagnose
        </button>
      </div>
      {empty ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-800 dark:text-red-300">
          Type an address first, for example localhost:3000.
        </p>
      ) : null}
    </form>
  );
}
