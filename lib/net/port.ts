export const MAX_PORT = 65535;

/** A port a service can listen on or a client connect to: 1–65535 (0 means "any" to bind, nothing to reach). */
export function isValidPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= MAX_PORT;
}

/**
 * A port number written in decimal digits only, 0–65535. Number() alone would take '0x50', '1e3', ' 80' and
 * '' (as 0), none of which a tool or a person means as a port.
 */
export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port <= MAX_PORT ? port : null;
}
