'use client';

import { useEffect, useState } from 'react';
import { useCopyReporter } from '@/components/sessions/copy-reporter';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (permissions, older browser): fall back to a hidden selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** Copies one command. The result is announced politely so screen-reader users hear it worked. */
/** `context` names what is copied for screen readers ("Copy: Django"), since a page has many Copy buttons. */
export function CopyButton({ text, context }: { text: string; context?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Inside a troubleshooting session, a copied fix is part of what was tried.
  const report = useCopyReporter();

  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);

  return (
    <button
      type="button"
      onClick={async () => {
        const copied = await copyText(text);
        setState(copied ? 'copied' : 'failed');
        if (copied) report?.({ command: text, label: context });
      }}
      className="shrink-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
    >
      <span aria-live="polite">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
      </span>
      {context ? <span className="sr-only">: {context}</span> : null}
    </button>
  );
}
