'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type DragEvent, type FormEvent } from 'react';

type State = { status: 'idle' } | { status: 'sending' } | { status: 'refused'; message: string };

/** The reason the server gave, or a sentence for a failure that never reached it. */
async function refusalOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `The doctor answered ${res.status} ${res.statusText}.`;
}

/**
 * Paste a case file or drop it here; the server validates it (lib/cases/read.ts) and opens it as a
 * read-only session. Nothing is parsed or trusted here beyond sending the text.
 */
export function ImportCaseFile() {
  const router = useRouter();
  const id = useId();
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });

  async function send(body: string) {
    setState({ status: 'sending' });
    try {
      const res = await fetch('/api/reports/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (res.status !== 201) return setState({ status: 'refused', message: await refusalOf(res) });
      const { session } = (await res.json()) as { session: { id: string } };
      router.push(`/sessions/${encodeURIComponent(session.id)}`);
    } catch (err) {
      setState({
        status: 'refused',
        message: `The case file could not be sent: ${err instanceof Error ? err.message : String(err)}`,
      });
    }
  }

  async function drop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    const content = await file.text();
    setText(content);
    await send(content);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim())
      return setState({ status: 'refused', message: 'Paste a case file (.json) or drop one here first.' });
    void send(text);
  }

  return (
    <form onSubmit={submit} className="grid gap-3">
      <label htmlFor={`${id}-text`} className="font-semibold">
        Case file (JSON)
      </label>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        data-testid="case-drop-zone"
        className={`rounded-lg border-2 border-dashed p-2 ${dragging ? 'border-sky-600 bg-sky-50 dark:bg-sky-950/40' : 'border-slate-300 dark:border-slate-600'}`}
      >
        <textarea
          id={`${id}-text`}
          name="case-file"
          rows={12}
          spellCheck={false}
          placeholder="Drop a localhost-doctor-case-….json file here, or paste its text."
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby={state.status === 'refused' ? `${id}-error` : undefined}
          className="w-full resize-y rounded bg-transparent p-2 font-mono text-sm"
        />
      </div>
      <div>
        <button
          type="submit"
          disabled={state.status === 'sending'}
          className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
        >
          {state.status === 'sending' ? 'Opening…' : 'Open case file'}
        </button>
      </div>
      {state.status === 'refused' ? (
        <p
          id={`${id}-error`}
          role="alert"
          className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50"
        >
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
