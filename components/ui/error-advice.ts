/**
 * What to try after an API error, in one sentence, keyed by the `error.code` the route handlers answer with:
 * the codes are part of the API's contract, so they are stable enough to key on.
 */
import type { ApiError } from '@/components/data/api';

export function adviceFor(error: ApiError): string {
  switch (error.code) {
    case 'invalid-target':
      return 'Type a host and a port, for example 127.0.0.1:62893, localhost:3000 or [::1]:8080.';
    case 'target-not-allowed':
      return 'Localhost Doctor only checks this machine unless you allow more: start it with ALLOW_TARGETS set (see the README).';
    case 'host-not-allowed':
      return 'Open Localhost Doctor through http://127.0.0.1 or http://localhost instead of another name.';
    case 'unreachable':
      return 'Check that `npm start` is still running in your terminal, then try again.';
  }
  if (error.status === 429) {
    return error.retryAfter
      ? `Too many checks at once; this retries by itself in about ${error.retryAfter} s.`
      : 'Too many checks at once; this retries by itself in a few seconds.';
  }
  if (error.status >= 500)
    return 'This is a bug in Localhost Doctor: the terminal running `npm start` shows the details. Try again.';
  return 'Try again; if it keeps happening, the terminal running `npm start` shows why.';
}
