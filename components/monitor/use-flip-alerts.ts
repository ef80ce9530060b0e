'use client';

import { useEffect, useRef } from 'react';
import type { WatchView } from './types';

/**
 * When the watched target flips, the tab says so in its title ("▼ down · 127.0.0.1:3000") and, if the user
 * asked for it, a notification. The first reading only sets the title: it is the current state, not news.
 */
export function useFlipAlerts(watch: WatchView | undefined, notify: boolean): void {
  const previous = useRef<WatchView['state'] | null>(null);
  const originalTitle = useRef<string | null>(null);

  useEffect(() => {
    if (originalTitle.current === null) originalTitle.current = document.title;
    const restore = originalTitle.current;
    return () => {
      document.title = restore;
    };
  }, []);

  const state = watch?.state;
  useEffect(() => {
    if (!watch || state === undefined || state === 'unknown') return;
    document.title = `${state === 'up' ? '▲ up' : '▼ down'} · ${watch.target}`;
    const was = previous.current;
    previous.current = state;
    if (was === null || was === state || !notify) return;
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    const why = state === 'down' ? watch.lastSample?.error : null;
    new Notification(`${watch.target} is ${state}`, { body: why ?? undefined, tag: `watch-${watch.id}` });
  }, [watch, state, notify]);
}
