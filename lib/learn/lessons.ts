/**
 * The lessons under /learn, one per concept the wizard uses. `slug` is the anchor a finding's `lesson`
 * field points at; the list order is the reading order on the page.
 */
export interface LessonInfo {
  slug: string;
  title: string;
}

export const LESSONS: readonly LessonInfo[] = [
  { slug: 'loopback', title: 'Loopback: 127.0.0.1, localhost and ::1' },
  { slug: 'ports', title: 'What a port is' },
  { slug: 'port-ranges', title: 'Well-known, registered and ephemeral ports' },
  { slug: 'bind-addresses', title: 'Bind addresses: 0.0.0.0 vs 127.0.0.1' },
  { slug: 'firewalls', title: 'Firewalls' },
  { slug: 'port-conflicts', title: 'Port conflicts: “address already in use”' },
  { slug: 'tools', title: 'The tools: ss, netstat, lsof, curl, nc, telnet' },
  { slug: 'http', title: 'HTTP answers, TLS, and protocols that aren’t HTTP' },
];

export function lessonTitle(slug: string): string | null {
  return LESSONS.find((l) => l.slug === slug)?.title ?? null;
}

/**
 * Link to a lesson that shows this target's values: /learn reads `port` and `host` to say, for example,
 * whether this port is inside this machine's ephemeral range.
 */
export function lessonHref(slug: string, target?: { host: string; port: number }): string {
  if (!target) return `/learn#${slug}`;
  const q = new URLSearchParams({ port: String(target.port), host: target.host });
  return `/learn?${q}#${slug}`;
}
