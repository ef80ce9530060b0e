/** The diagnosis page for what the user typed; the text is kept as typed (trimmed) and parsed by the engine. */
export function diagnoseHref(text: string): string {
  return `/diagnose/${encodeURIComponent(text.trim())}`;
}
