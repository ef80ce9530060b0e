import 'server-only';
import net from 'node:net';
import { gatherFacts, probeResolvedTarget, type GatherOptions } from '@/lib/diagnosis/facts';
import { runChecks } from '@/lib/diagnosis/run-checks';
import { timedFact } from '@/lib/diagnosis/timed';
import type { Diagnosis, Fact, Probes, Resolution } from '@/lib/diagnosis/types';
import { resolveFromHostsFile, resolveHost } from '@/lib/host/resolve';
import { isLoopbackAddress, isLoopbackName } from '@/lib/net';
import { checkTargetAddresses, mayAskDns, notInHostsFile } from '@/lib/security/target-policy';
import { parseTarget, type Target } from '@/lib/target';

export type DiagnoseResult =
  | { ok: true; diagnosis: Diagnosis }
  | { ok: false; status: 400 | 403; error: { code: string; message: string } };

const RESOLVER = 'system resolver (getaddrinfo)';

/**
 * *.localhost is loopback by definition (RFC 6761) and browsers resolve it themselves; the system resolver
 * often does not know it (and must not ask the network), so it is answered as localhost is, from the hosts file.
 */
export function resolveLoopbackName(host: string): Promise<Fact<Resolution>> {
  return timedFact(RESOLVER, 2000, async () => {
    // A loopback name is never sent to an upstream DNS server, and only its loopback answers are probed.
    const local = await resolveHost('localhost');
    const ignored = local.addresses.filter((a) => !isLoopbackAddress(a.address));
    return {
      host,
      addresses: local.addresses.filter((a) => isLoopbackAddress(a.address)),
      ...(ignored.length > 0 ? { ignored } : {}),
    };
  });
}

async function resolveTarget(target: Target): Promise<Fact<Resolution>> {
  if (isLoopbackName(target.host)) return resolveLoopbackName(target.host);
  return timedFact(RESOLVER, 2000, () => resolveHost(target.host));
}

/**
 * Any other name is looked up in the hosts file only, unless the user opted in to non-loopback targets: the
 * OS resolver would send a name it does not know to DNS, a packet off this machine before the policy could
 * refuse it. A name the hosts file does not know comes back as where it was looked for.
 */
async function resolveOtherName(
  target: Target,
): Promise<{ resolution: Fact<Resolution> } | { notFoundIn: string }> {
  if (net.isIP(target.host) || mayAskDns()) return { resolution: await resolveTarget(target) };
  const started = performance.now();
  const { file, resolution } = await resolveFromHostsFile(target.host);
  if (resolution.addresses.length === 0) return { notFoundIn: file };
  const durationMs = Math.round(performance.now() - started);
  return { resolution: { status: 'ok', value: resolution, source: `hosts file (${file})`, durationMs } };
}

/** Where the target is allowed to be probed: resolve, apply the target policy, then gather and check. */
export async function prepareTarget(
  input: string,
): Promise<
  { ok: true; target: Target; resolution: Fact<Resolution> } | Extract<DiagnoseResult, { ok: false }>
> {
  const parsed = parseTarget(input);
  if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
  const { target } = parsed;
  const looked = isLoopbackName(target.host)
    ? { resolution: await resolveTarget(target) }
    : await resolveOtherName(target);
  if ('notFoundIn' in looked)
    return { ok: false, status: 403, error: notInHostsFile(target.host, looked.notFoundIn) };
  const { resolution } = looked;
  if (resolution.status === 'failed') {
    // localhost that does not resolve is a finding (a broken hosts file); any other name is outside the policy.
    if (isLoopbackName(target.host)) return { ok: true, target, resolution };
    const decision = checkTargetAddresses(target.host, []);
    return {
      ok: false,
      status: 403,
      error: { code: 'target-not-allowed', message: decision.allowed ? '' : decision.message },
    };
  }
  // localhost pointing elsewhere is diagnosed (localhost-not-loopback) with nothing probed.
  if (isLoopbackName(target.host) && resolution.value.addresses.length === 0)
    return { ok: true, target, resolution };
  const decision = checkTargetAddresses(
    target.host,
    resolution.value.addresses.map((a) => a.address),
  );
  if (!decision.allowed)
    return { ok: false, status: 403, error: { code: decision.code, message: decision.message } };
  return { ok: true, target, resolution };
}

/** The one diagnosis: parse → policy → gather facts → checks → summary. */
export async function diagnose(input: string, options: GatherOptions = {}): Promise<DiagnoseResult> {
  const prepared = await prepareTarget(input);
  if (!prepared.ok) return prepared;
  const facts = await gatherFacts(prepared.target, prepared.resolution, options);
  return { ok: true, diagnosis: runChecks(facts) };
}

/** Only the connect attempts and the application answer (GET /api/probe), under the same policy. */
export async function probeOnly(
  input: string,
): Promise<
  | ({ ok: true; target: Target; resolution: Fact<Resolution> } & Probes)
  | Extract<DiagnoseResult, { ok: false }>
> {
  const prepared = await prepareTarget(input);
  if (!prepared.ok) return prepared;
  return { ...prepared, ...(await probeResolvedTarget(prepared.target, prepared.resolution)) };
}
