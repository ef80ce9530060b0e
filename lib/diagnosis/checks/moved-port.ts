import { defineCheck } from '@/lib/diagnosis/check';
import { rebindFixes } from '@/lib/diagnosis/check-helpers/rebind-fixes';
import { portHistory, quotedCommand, when } from '@/lib/diagnosis/check-helpers/history-view';
import { describeOwner, listenerServes, targetAddresses, tcpListeners } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { quoteOutside } from '@/lib/text/outside';

/** The program that listened on this port listens on another one now: "your server is on 127.0.0.1:5174 now". */
export const movedPort = defineCheck({ 'moved-port': 64 }, (facts) => {
  const history = portHistory(facts);
  const moved = history?.moved[0];
  if (!history || !moved || facts.intent === 'start') return [];
  const { listener, recorded } = moved;
  // Name it as the user typed it when the new socket takes that address too (a wildcard, the same address).
  const typed = targetAddresses(facts).some((a) => listenerServes(listener, a.address));
  const address = hostPort(typed ? facts.target.host : listener.address, listener.port);
  const nothingHere = (tcpListeners(facts) ?? []).length === 0;
  const back = rebindFixes(
    listener,
    {
      host: typed ? facts.target.host : listener.address,
      port: facts.target.port,
      from: { host: listener.address, port: listener.port },
    },
    (what) => `Or move it back to port ${facts.target.port}: ${what}`,
    [],
  );
  const cwd = moved.cwd ? ` in ${quoteOutside(moved.cwd)}` : '';
  return [
    {
      id: 'moved-port',
      severity: nothingHere ? 'error' : 'warning',
      step: 'start',
      title: `Your server is on ${address} now`,
      detail:
        `${describeOwner(listener)} listens on ${hostPort(listener.address, listener.port)}: the same program${cwd} ` +
        `(${quotedCommand(listener.command ?? '')}) that listened on port ${facts.target.port} at ${when(recorded.at, facts.gatheredAt)}` +
        ` (${recorded.kind}, pid ${recorded.pid ?? 'unknown'}). ` +
        (nothingHere
          ? `Nothing listens on port ${facts.target.port} now: it most likely found the port taken when it started and took the next one.`
          : `Port ${facts.target.port} is held by another program now, which is most likely why it moved.`) +
        ` Use ${address}, or start it on port ${facts.target.port} again once that port is free.`,
      fixes: back.fixes,
      link: { label: `Diagnose ${address}`, href: `/diagnose/${encodeURIComponent(address)}` },
    },
  ];
});
