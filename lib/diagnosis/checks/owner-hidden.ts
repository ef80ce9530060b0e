import { defineCheck } from '@/lib/diagnosis/check';
import { listAnd, tcpListeners } from '@/lib/diagnosis/view';
import { hostPort } from '@/lib/net';
import { whoListensFixes } from '@/lib/diagnosis/commands';

/** A socket listens on the port but its process could not be read (another user's, or another namespace). */
export const ownerHidden = defineCheck({ 'owner-hidden': 240 }, (facts) => {
  const hidden = (tcpListeners(facts) ?? []).filter((l) => l.pid === null);
  if (hidden.length === 0) return [];
  const port = facts.target.port;
  const who = facts.self.user ? ` (the doctor runs as ${facts.self.user})` : '';
  return [
    {
      id: 'owner-hidden',
      severity: 'warning',
      step: 'start',
      title: `Something listens on port ${port}, but its process could not be read`,
      detail:
        `${listAnd(hidden.map((l) => hostPort(l.address, port)))} is open, but no process this user can inspect owns it${who}. ` +
        `It belongs to another user (often root or a system service), or to a container or VM whose port is forwarded here. Run the command below with administrator rights to see it.`,
      fixes: whoListensFixes(port, true).map((f) =>
        f.platform === 'win32' ? { ...f, label: `${f.label}, in an elevated PowerShell` } : f,
      ),
      lesson: 'tools',
    },
  ];
});
