import { MARK_BADGE, MARK_GLYPH, MARK_LABEL, type Mark } from './severity';
import { Spinner } from './Spinner';

/**
 * A round status badge. Colour is never the only signal: each mark has its own glyph, and its label is read
 * out (or shown, with `showLabel`).
 */
export function StatusMark({
  mark,
  label,
  size = 'md',
}: {
  mark: Mark;
  label?: string;
  size?: 'sm' | 'md' | 'lg';
}) {
  const text = label ?? MARK_LABEL[mark];
  const box = size === 'lg' ? 'h-9 w-9 text-lg' : size === 'sm' ? 'h-5 w-5 text-[11px]' : 'h-6 w-6 text-sm';
  if (mark === 'pending') {
    return (
      <span
        role="img"
        aria-label={text}
        className={`inline-grid shrink-0 place-items-center text-slate-500 dark:text-slate-400 ${box}`}
      >
        <Spinner />
      </span>
    );
  }
  return (
    <span
      role="img"
      aria-label={text}
      className={`inline-grid shrink-0 place-items-center rounded-full font-bold leading-none ${box} ${MARK_BADGE[mark]}`}
    >
      <span aria-hidden="true">{MARK_GLYPH[mark]}</span>
    </span>
  );
}
