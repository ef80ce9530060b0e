/**
 * Text that came from outside the doctor: a server's reason phrase, headers, page title, banner, TLS
 * certificate names, a process' name and command line. Such text is bounded when it is captured, can
 * never reorder what is around it (bidi controls), never reaches a terminal as control bytes, and is
 * quoted in findings so the page can tell it apart from the doctor's own advice.
 * No server-only import: the page's renderer uses the quoting convention too.
 */

/**
 * Unicode bidirectional controls: embeddings/overrides (U+202A–U+202E), isolates (U+2066–U+2069), the
 * LRM/RLM marks and the Arabic letter mark. They are shown as visible escapes (`\u202E`), not removed:
 * a diagnosis should say what the server sent, and an escape is plain ASCII that cannot reorder anything.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * What a terminal must never receive raw: C0 controls (NUL, BEL, ESC, CR, LF, TAB…), DEL, C1 controls
 * (U+0080–U+009F: U+009B is an 8-bit CSI on some terminals), bidi controls, the Unicode line and paragraph
 * separators, and lone surrogates (they cannot be encoded; Node would print U+FFFD).
 */
const TERMINAL_UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED_ESCAPES: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `\x1b` for a code point below 0x100, `\u202E` above. */
function visibleEscape(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Bidi controls shown as `\u202E`-style escapes; everything else unchanged. */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROL, visibleEscape);
}

/**
 * One line that is safe to print on a terminal: every control character (C0, DEL, C1), bidi control,
 * line separator and lone surrogate shown as a visible escape (`\x1b`, `\n`, `\u202E`). Printable text,
 * ASCII or not, is unchanged, so the CLI can add its own colours around the result.
 */
export function forTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, visibleEscape);
}

/**
 * At most `max` UTF-16 units of `text`, then "… (cut: N more characters)" when something was cut
 * (N counts code points). Never splits a surrogate pair.
 */
export function capOutside(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1; // keep the pair whole
  const rest = [...text.slice(end)].length;
  return `${text.slice(0, end)}… (cut: ${rest} more ${rest === 1 ? 'character' : 'characters'})`;
}

/** What the probe and host readers keep of an outside string: bounded (cut, with the note) and bidi-inert. */
export function outsideText(text: string, max: number): string {
  return neutraliseBidi(capOutside(text, max));
}

/** outsideText for a field that may be absent. */
export function outsideOrNull(text: string | null | undefined, max: number): string | null {
  return text === null || text === undefined ? null : outsideText(text, max);
}

/**
 * Findings quote outside text between these two marks (“…”). The text between them never contains
 * either mark (quoteOutside turns them into straight quotes), so the page can find the quoted span and
 * show it as the server's words, never as the doctor's `code` chip or command.
 */
export const OUTSIDE_OPEN = '\u201c';
export const OUTSIDE_CLOSE = '\u201d';

/** Outside text for a finding's title or detail: “quoted”, one line, every control shown as an escape. */
export function quoteOutside(text: string): string {
  const inert = forTerminal(text).replace(/[\u201c\u201d]/g, '"');
  return `${OUTSIDE_OPEN}${inert}${OUTSIDE_CLOSE}`;
}

/** forTerminal for a message of several lines: each line made safe, the line breaks kept. */
export function forTerminalLines(text: string): string {
  return text.split('\n').map(forTerminal).join('\n');
}
