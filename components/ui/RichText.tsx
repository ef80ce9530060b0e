import { richTextParts } from '@/lib/text/rich-text';

/**
 * Engine text quotes commands and values in `backticks`; show those as code so a command stands out from
 * the sentence around it. Text a server or process sent comes “quoted” (lib/text/outside.ts): it is shown
 * as their words, in its own style, and never as one of the doctor's code chips. Nothing else is
 * interpreted (no HTML, no markdown).
 */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {richTextParts(text).map((part, i) => {
        if (part.kind === 'code')
          return (
            <code
              key={i}
              className="rounded bg-slate-200/70 px-1 py-0.5 font-mono text-[0.9em] [overflow-wrap:anywhere] dark:bg-slate-800"
            >
              {part.text}
            </code>
          );
        if (part.kind === 'outside')
          return (
            <span
              key={i}
              data-outside=""
              title="As the server or process sent it"
              className="italic text-slate-800 [overflow-wrap:anywhere] dark:text-slate-200"
            >
              “{part.text}”
            </span>
          );
        return part.text;
      })}
    </>
  );
}
