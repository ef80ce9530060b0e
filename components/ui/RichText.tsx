/**
 * Engine text quotes commands and values in `backticks`; show those as code so a command stands out from
 * the sentence around it. Nothing else is interpreted (no HTML, no markdown).
 */
export function RichText({ text }: { text: string }) {
  const parts = text.split('`');
  // An odd number of backticks means one is unmatched: show the text as it is.
  if (parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code
            key={i}
            className="rounded bg-slate-200/70 px-1 py-0.5 font-mono text-[0.9em] [overflow-wrap:anywhere] dark:bg-slate-800"
          >
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
