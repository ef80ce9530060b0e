import ipaddr from 'ipaddr.js';
import { isLoopbackAddress, isLoopbackName, unmapIPv4 } from '@/lib/net';

export type PolicyDecision =
  { allowed: true } | { allowed: false; code: 'target-not-allowed'; message: string };

interface AllowedRange {
  range: [ipaddr.IPv4 | ipaddr.IPv6, number];
  text: string;
  /** The entry itself is link-local: only such an entry lets link-local (and cloud metadata) through. */
  linkLocal: boolean;
}

/** ALLOW_TARGETS=192.168.1.0/24,10.0.0.5 — addresses or CIDR ranges the user opted in to probe. */
export function parseAllowTargets(value: string | undefined): AllowedRange[] {
  if (!value) return [];
  const out: AllowedRange[] = [];
  for (const raw of value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    try {
      const range = raw.includes('/')
        ? ipaddr.parseCIDR(raw)
        : ([ipaddr.parse(raw), ipaddr.parse(raw).kind() === 'ipv4' ? 32 : 128] as [
            ipaddr.IPv4 | ipaddr.IPv6,
            number,
          ]);
      out.push({ range, text: raw, linkLocal: range[0].range() === 'linkLocal' });
    } catch {
      // An entry that is not an address or range is ignored rather than widening anything.
    }
  }
  return out;
}

/**
 * The address as the range check should see it: an IPv4-mapped IPv6 address is its IPv4 address. Unmapping goes
 * through lib/net, because ipaddr.js alone also reads IPv4-compatible `::10.0.0.1` as mapped: that is an IPv6
 * address, and must not pass as 10.0.0.1 inside an opted-in 10.0.0.0/8.
 */
function normalise(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const unmapped = unmapIPv4(address);
  return ipaddr.isValid(unmapped) ? ipaddr.parse(unmapped) : null;
}

/** Loopback always; anything else only inside an opted-in range (link-local only when listed as such). */
export function isAddressAllowed(address: string, allow: AllowedRange[]): boolean {
  if (isLoopbackAddress(address)) return true;
  const addr = normalise(address);
  if (!addr) return false;
  const linkLocal = addr.range() === 'linkLocal';
  return allow.some(
    (a) => a.range[0].kind() === addr.kind() && addr.match(a.range) && (!linkLocal || a.linkLocal),
  );
}

const WHY =
  'Localhost Doctor only probes this machine (127.0.0.0/8, ::1, localhost) unless you opt in with ALLOW_TARGETS (see README).';

/**
 * May a name that is neither an IP literal nor loopback by definition (localhost, *.localhost) go to the OS
 * resolver, and so possibly to DNS? Only once the user opted in to non-loopback targets: without that, a
 * lookup of an attacker's name would itself be a packet to the network (and tell the name's DNS server that
 * this machine asked).
 */
export function mayAskDns(allow = parseAllowTargets(process.env.ALLOW_TARGETS)): boolean {
  return allow.length > 0;
}

/** The refusal of a name that the hosts file does not know, when DNS may not be asked. */
export function notInHostsFile(host: string, file: string): { code: 'target-not-allowed'; message: string } {
  return {
    code: 'target-not-allowed',
    message:
      `${host} is not in the hosts file (${file}), and it was not looked up in DNS: a name is sent to DNS ` +
      'only after you opt in to targets outside this machine with ALLOW_TARGETS (see README). To reach a ' +
      `local service by this name, add a line like "127.0.0.1 ${host}" to ${file}.`,
  };
}

/** Decides before any packet is sent whether the doctor may probe these resolved addresses. */
export function checkTargetAddresses(
  host: string,
  addresses: string[],
  allow = parseAllowTargets(process.env.ALLOW_TARGETS),
): PolicyDecision {
  if (addresses.length === 0) {
    return {
      allowed: false,
      code: 'target-not-allowed',
      message: `${host} does not resolve to any address, so it cannot be shown to be this machine. ${WHY}`,
    };
  }
  const refused = addresses.filter((a) => !isAddressAllowed(a, allow));
  if (refused.length === 0) return { allowed: true };
  const name =
    isLoopbackName(host) || ipaddr.isValid(host) ? host : `${host} (resolves to ${addresses.join(', ')})`;
  return {
    allowed: false,
    code: 'target-not-allowed',
    message: `${name} is not this machine: ${refused.join(', ')} is not a loopback address. ${WHY}`,
  };
}
