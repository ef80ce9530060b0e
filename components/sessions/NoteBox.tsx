'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { NOTE_MAX_CHARS } from '@/lib/sessions/limits';
import { postNote, sessionKey } from './session-api';

/** A free-text note for the session's timeline ("they are on the VPN", "restarted the container"). */
export function NoteBox({ sessionId }: { sessionId: string }) {
  const id = useId();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const save = useMutation({
    mutationFn: (note: string) => postNote(sessionId, note),
    onSuccess: () => {
      setText('');
      void client.invalidateQueries({ queryKey: sessionKey(sessionId) });
    },
  });
  return (
    <form
      className="grid gap-1 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) save.mutate(text);
      }}
    >
      <label htmlFor={id} className="font-medium">
        Note for the session
      </label>
      <div className="flex gap-2">
        <textarea
          id={id}
          value={text}
          maxLength={NOTE_MAX_CHARS}
          rows={1}
          onChange={(e) => setText(e.target.value)}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
        />
        <button
          type="submit"
          disabled={save.isPending || !text.trim()}
          className="rounded-md border border-slate-400 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-60 dark:bg-slate-800"
        >
          Add note
        </button>
      </div>
      <span aria-live="polite" className="text-slate-600 dark:text-slate-400">
        {save.isSuccess && !text ? 'Note added to the session.' : ''}
        {save.isError ? `Not saved: ${save.error.message}` : ''}
      </span>
    </form>
  );
}
