import { defineCheck } from '@/lib/diagnosis/check';
import { portHistory, quoteEvents, when } from '@/lib/diagnosis/check-helpers/history-view';
import { tcpListeners } from '@/lib/diagnosis/view';

/** The port is held by a new process since this target's last diagnosis: it restarted (or was replaced). */
export const restarted = defineCheck({ restarted: 275 }, (facts) => {
  const history = portHistory(facts);
  const previous = history?.previous;
  const tcp = tcpListeners(facts) ?? [];
  const now = tcp.flatMap((l) => (l.pid === null ? [] : [l]));
  if (!history || !previous || previous.pids.length === 0 || now.length === 0) return [];
  if (now.some((l) => previous.pids.includes(l.pid!))) return [];
  const pidsNow = [...new Set(now.map((l) => l.pid!))];
  const since = history.events.filter((e) => e.at > previous.at);
  const name = now[0]!.process ?? 'the process';
  return [
    {
      id: 'restarted',
      severity: 'info',
      step: 'monitor',
      title: `${name} on port ${facts.target.port} restarted since the last diagnosis (pid ${previous.pids.join(', ')} → ${pidsNow.join(', ')})`,
      detail:
        `At the last diagnosis of ${facts.target.display}, ${when(previous.at, facts.gatheredAt)}, pid ${previous.pids.join(', ')} held the port; ` +
        `now pid ${pidsNow.join(', ')} does. ` +
        (since.length > 0
          ? `Recorded since then: ${quoteEvents(since, facts.gatheredAt)}.`
          : 'The recorder saw no change in between (it was not running, or the restart fell between two samples).') +
        ' A restart you did not make is a crash that something (a supervisor, a file watcher) restarted.',
      fixes: [],
    },
  ];
});
