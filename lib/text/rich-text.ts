import { OUTSIDE_CLOSE, OUTSIDE_OPEN } from '@/lib/text/outside';

/**
 * A finding's text in parts: the doctor's own words, its `code` (commands and values it wrote), and
 * “outside” spans (what a server or process sent, quoted by quoteOutside). Outside spans are found
 * first, so backticks a server sends can never open or close one of the doctor's code chips.
 */
export type RichPart = { kind: 'plain' | 'code' | 'outside'; text: string };

function splitOutside(text: string): RichPart[] {
  const parts: RichPart[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf(OUTSIDE_OPEN);
    const close = open === -1 ? -1 : rest.indexOf(OUTSIDE_CLOSE, open + 1);
    if (close === -1) break;
    if (open > 0) parts.push({ kind: 'plain', text: rest.slice(0, open) });
    parts.push({ kind: 'outside', text: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  if (rest !== '') parts.push({ kind: 'plain', text: rest });
  return parts;
}

export function richTextParts(text: string): RichPart[] {
  const parts = splitOutside(text);
  const ticks = parts.reduce((n, p) => (p.kind === 'plain' ? n + p.text.split('`').length - 1 : n), 0);
  // An odd number of the doctor's backticks means one is unmatched: no code chips at all.
  if (ticks % 2 === 1) return parts;
  const out: RichPart[] = [];
  let inCode = false;
  for (const part of parts) {
    if (part.kind === 'outside') {
      out.push(part);
      continue;
    }
    part.text.split('`').forEach((piece, i) => {
      if (i > 0) inCode = !inCode;
      if (piece !== '') out.push({ kind: inCode ? 'code' : 'plain', text: piece });
    });
  }
  return out;
}
