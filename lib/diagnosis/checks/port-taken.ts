import { defineCheck } from '@/lib/diagnosis/check';
import { portSettingFix } from '@/lib/diagnosis/fix';
import type { Fix } from '@/lib/diagnosis/types';
import {
  describeListener,
  listAnd,
  tcpListeners,
  bindAddressFor,
  listenerBlocksBind,
} from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { stopProcessFixes, whoListensFixes } from '@/lib/diagnosis/commands';
import { forwardingHolder } from '@/lib/host/forwarding-holders';
import { containerFixes, containerHolders } from '@/lib/diagnosis/check-helpers/container-holders';
import { quoteOutside } from '@/lib/text/outside';
import { rebindFixes } from '@/lib/diagnosis/check-helpers/rebind-fixes';
import {
  lifetimeOwners,
  mayStop,
  sudoStopFixes,
  workersSentence,
} from '@/lib/diagnosis/check-helpers/lifetime-owners';

/** intent=start: the user wants to start a service here, but something already holds the port. */
export const portTaken = defineCheck({ 'port-taken': 40 }, (facts) => {
  if (facts.intent !== 'start') return [];
  const bind = bindAddressFor(facts);
  // Only holders a bind to this address collides with: a server on [::1] does not take 127.0.0.1's port.
  const tcp = (tcpListeners(facts) ?? []).filter((l) => listenerBlocksBind(l, bind));
  if (tcp.length === 0) return [];
  const port = facts.target.port;
  // A prefork worker's death frees nothing: each holder is replaced by the process that owns its lifetime.
  const owners = lifetimeOwners(tcp);
  // Killing docker-proxy or wslrelay breaks the forwarding and leaves the real service running.
  const stoppable = owners.filter((o) => forwardingHolder(o.process, o.command) === null);
  // The app stops a process only when it can prove it is the one listed (same start time) and may signal
  // it (same user): no time or another user's, no offer.
  const offerable = stoppable.filter((o) => o.startedAt !== null && mayStop(o, facts.self));
  const containers = containerHolders(facts);
  const free = facts.freePort?.status === 'ok' ? facts.freePort.value : null;
  const holder = tcp[0]!;
  const master = owners.find((o) => o.workers.length > 0) ?? null;
  const named = master ?? (holder.pid === null ? null : (owners.find((o) => o.pid === holder.pid) ?? null));
  const fixes: Fix[] = [];
  // The holder's own command on the free port (runserver reads no PORT); PORT=… only for what is unknown.
  const moved =
    free !== null
      ? rebindFixes(
          forwardingHolder(holder.process, holder.command) === null ? holder : null,
          { host: bind, port: free, from: { host: holder.address, port } },
          (what) => `Use port ${free} instead: ${what}`,
          [portSettingFix(`Use port ${free} instead (free right now: set PORT or pass --port)`, free)],
          facts.self.cwd,
        )
      : null;
  if (moved) fixes.push(...moved.fixes);
  for (const o of stoppable)
    fixes.push(
      ...(mayStop(o, facts.self)
        ? stopProcessFixes(o.pid, o.process ?? 'the process')
        : sudoStopFixes(o.pid, o.process ?? 'the process', o.user)),
    );
  if (containers.length > 0)
    fixes.push(...containerFixes(port, [...new Set(containers.map((c) => c.runtime))], free).slice(0, 2));
  if (owners.length === 0 && containers.length === 0) fixes.push(...whoListensFixes(port, true));
  const stopHint =
    offerable.length > 0
      ? ` Localhost Doctor can stop it for you (the Stop button): it first checks that the process still holds port ${port}, runs as ` +
        `you and is the same process that was listed, then asks it to exit (SIGTERM).`
      : '';
  return [
    {
      id: 'port-taken',
      severity: 'error',
      step: 'start',
      title: `Port ${port} is already taken by ${named === null ? 'a process you cannot see' : `${named.process ?? 'a process'} (pid ${named.pid})`}`,
      detail:
        `${listAnd(tcp.map(describeListener))}${holder.command ? `, started as ${quoteOutside(holder.command)}` : ''}. ` +
        `Starting yours on ${hostPort(bind, port)} would fail with EADDRINUSE ("address already in use"). ` +
        `Stop the holder if it is an old copy of your service, or start yours on another port` +
        (free !== null ? ` \u2014 ${free} is free.` : '.') +
        (master ? workersSentence(master) : '') +
        (moved?.match ? ` ${moved.detail}` : '') +
        stopHint,
      fixes,
      lesson: 'port-conflicts',
      actions: offerable.map((o) => ({
        kind: 'stop-process' as const,
        pid: o.pid,
        port,
        startedAt: o.startedAt,
        process: o.process,
        command: o.command,
        user: o.user,
      })),
    },
  ];
});
