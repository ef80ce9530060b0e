'use client';

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  open: boolean;
  /** Escape, or any button that dismisses: the owner decides what closing means and sets `open`. */
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  /** Gets focus when the dialog opens (default: the first focusable element inside). */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Where focus goes when the dialog closes. Default: the element that opened it — or, when that is gone
   * (the card it sat on was re-rendered away), whatever this returns.
   */
  finalFocus?: () => HTMLElement | null;
  /** Prefer `finalFocus` over the opener (e.g. a result notice the user should hear next). */
  preferFinalFocus?: boolean;
  className?: string;
}

/**
 * A modal dialog on the native <dialog> (showModal: top layer, the page behind is inert). On top of what the
 * browser gives: Tab wraps inside it, Escape goes through `onClose`, it is labelled by its title, and focus
 * returns to where it came from.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  initialFocus,
  finalFocus,
  preferFinalFocus = false,
  className = '',
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const titleId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      if (typeof el.showModal === 'function') el.showModal();
      else el.setAttribute('open', '');
      const first = initialFocus?.current ?? el.querySelector<HTMLElement>(FOCUSABLE);
      first?.focus();
    } else if (!open && el.open) {
      if (typeof el.close === 'function') el.close();
      else el.removeAttribute('open');
      const back = opener.current?.isConnected ? opener.current : null;
      const target = preferFinalFocus ? (finalFocus?.() ?? back) : (back ?? finalFocus?.() ?? null);
      target?.focus();
      opener.current = null;
    }
  }, [open, initialFocus, finalFocus, preferFinalFocus]);

  function onKeyDown(e: KeyboardEvent<HTMLDialogElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
      return;
    }
    if (e.key !== 'Tab') return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    const inside = active instanceof Node && e.currentTarget.contains(active);
    if (e.shiftKey && (active === first || !inside)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !inside)) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      // The browser's own Escape (and other "close requests") land here: keep `open` the only truth.
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={`m-auto w-[min(42rem,calc(100vw-2rem))] max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-xl border border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${className}`}
    >
      {/* Nothing inside while closed, so a closed dialog can never be found, read or focused. */}
      {open ? (
        <div className="grid gap-4 p-5 sm:p-6">
          <h2 id={titleId} className="text-lg font-semibold leading-snug tracking-tight">
            {title}
          </h2>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
