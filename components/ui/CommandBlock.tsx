import { CopyButton } from './CopyButton';

/**
 * One command to type: what it does, the exact text, and a copy button. `dense` puts the label beside the
 * command, for long lists of alternatives (start commands for a dozen stacks) that should scan like a table.
 */
export function CommandBlock({
  label,
  command,
  dense = false,
}: {
  label: string;
  command: string;
  dense?: boolean;
}) {
  return (
    <div
      className={
        dense ? 'grid min-w-0 items-center gap-x-3 gap-y-1 sm:grid-cols-[11rem_minmax(0,1fr)]' : 'min-w-0'
      }
    >
      <p
        className={
          dense
            ? 'text-sm font-medium text-slate-700 dark:text-slate-300'
            : 'mb-1 text-sm text-slate-700 dark:text-slate-300'
        }
      >
        {label}
      </p>
      <div className="flex min-w-0 items-start gap-2 rounded-md bg-slate-900 px-3 py-1.5 dark:bg-black/60">
        <pre className="min-w-0 flex-1 whitespace-pre-wrap py-0.5 font-mono text-[13px] leading-6 text-slate-100 [overflow-wrap:anywhere]">
          <code>
            {/* Lines break between words, never inside a flag like --bind (a browser would break after its "-"). */}
            {command.split(/(\s+)/).map((part, i) =>
              part.length <= 32 && !/\s/.test(part) ? (
                <span key={i} className="whitespace-nowrap">
                  {part}
                </span>
              ) : (
                part
              ),
            )}
          </code>
        </pre>
        <CopyButton text={command} context={label} />
      </div>
    </div>
  );
}
