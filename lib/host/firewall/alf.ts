import 'server-only';

/** macOS application firewall (System Settings → Network → Firewall). */
export const SOCKETFILTERFW = '/usr/libexec/ApplicationFirewall/socketfilterfw';
export const SOCKETFILTERFW_ARGS = ['--getglobalstate'];

/**
 * "Firewall is enabled. (State = 1)" / "Firewall is disabled. (State = 0)" / "(State = 2)" (block all).
 * It decides which apps may accept connections from the network; it does not filter loopback, so it is a
 * note for the person, never a cause.
 */
export function parseAlfState(text: string): { enabled: boolean; blockAll: boolean } | null {
  const m = text.match(/State = (\d)/);
  if (!m) return null;
  return { enabled: m[1] !== '0', blockAll: m[1] === '2' };
}
