import type { EphemeralRange } from '@/lib/host/port-range';

/** Both loopback addresses: a port free on both is free for a server on either family. */
const VERIFIED_ON = ['127.0.0.1', '::1'];

/** Where GET /api/ports/free proves a port free by binding it. */
export const freePortHosts = (): string[] => [...VERIFIED_ON];

/** The body of GET /api/ports/free: the port found near `near`, and where and in which range it was checked. */
export function freePortAnswer(port: number, near: number, ephemeral: EphemeralRange) {
  return {
    port,
    near,
    verifiedOn: freePortHosts(),
    ephemeral: { low: ephemeral.low, high: ephemeral.high, source: ephemeral.source },
  };
}

export type FreePortAnswer = ReturnType<typeof freePortAnswer>;
