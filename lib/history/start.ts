import 'server-only';
import { host } from '@/lib/host';
import { listListeners } from '@/lib/host/listeners';
import { pidExists } from '@/lib/host/process-signals';
import { getStore, retentionConfigFrom, startHistoryPruning } from '@/lib/store';
import { outsideOrNull } from '@/lib/text/outside';
import { recorderConfigFrom } from './config';
import { startRecorder, type Recorder } from './recorder';

/** A directory name is the process' own text: bounded like a command line, bidi-inert. */
const CWD_MAX_CHARS = 1000;

const log = { warn: (message: string) => console.warn(`[localhost-doctor] ${message}`) };

/**
 * The server's memory: the recorder (unless HISTORY=off) and the background retention of the store under
 * DATA_DIR. Both stop when the process exits; their timers never keep it alive.
 */
export function startHistory(env: NodeJS.ProcessEnv = process.env): Recorder | null {
  try {
    return startBoth(env);
  } catch (err) {
    // Nothing about memory may stop the server from serving the diagnosis.
    log.warn(`history recording did not start: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

function startBoth(env: NodeJS.ProcessEnv): Recorder | null {
  const recorder = recorderConfigFrom(env);
  const retention = retentionConfigFrom(env);
  for (const warning of [...recorder.warnings, ...retention.warnings]) log.warn(warning);
  const store = getStore(env);
  const pruning = startHistoryPruning(store, { retention: retention.config });
  if (!recorder.config.enabled) {
    process.once('exit', () => pruning.stop());
    return null;
  }
  const adapter = host();
  const running = startRecorder({
    store,
    sampleMs: recorder.config.sampleMs,
    list: () => listListeners({}, adapter),
    cwdOf: (pid) => outsideOrNull(adapter.processCwd?.(pid), CWD_MAX_CHARS),
    quickSignature: adapter.listeningSignature,
    ownerAlive: pidExists,
    log,
  });
  process.once('exit', () => {
    running.stop();
    pruning.stop();
  });
  return running;
}
