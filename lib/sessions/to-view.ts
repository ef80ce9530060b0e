import type { SessionEntry } from '@/lib/store/sessions';
import type { SessionEntryView } from './entries';

/**
 * A stored entry as the API shows it. The payload was validated when it was written (or imported through
 * the case-file schema), so it is spread as it is; a payload that is not an object is kept under `value`.
 */
export function entryView(entry: SessionEntry): SessionEntryView {
  const payload =
    typeof entry.payload === 'object' && entry.payload !== null && !Array.isArray(entry.payload)
      ? entry.payload
      : { value: entry.payload };
  return { ...payload, kind: entry.kind, at: entry.at, seq: entry.seq } as SessionEntryView;
}
