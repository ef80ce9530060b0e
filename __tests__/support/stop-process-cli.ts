// Runs the stop logic once and prints its outcome as JSON: lets a test call it as another (unprivileged) user.
import { stopProcess } from '@/lib/host/actions/stop-process';

const [pid, port, startedAt] = process.argv.slice(2);
stopProcess({ pid: Number(pid), port: Number(port), startedAt: startedAt || null }, { waitMs: 500 }).then(
  (outcome) => console.log(JSON.stringify(outcome)),
);
