import 'server-only';
// Labs: the doctor breaks something on purpose (for real, on loopback or in a namespace of its own), the
// learner finds it with the real engine and fixes it, and the lab checks with the same diagnosis.
export { LABS, labById } from './catalogue';
export { activeRun, startRun, stopRun, resetRun, unknownRun, MAX_CONCURRENT_RUNS } from './runs';
export { stopAllLabRuns, killAllLabRunsNow } from './registry';
export { answerRun, checkRun } from './play';
export { diagnoseInRun } from './diagnose-in-run';
export { readProgress, progressCsv } from './progress';
export { rootLabsAvailable } from './root-labs';
export { labListItem, runSummary, runDetail } from './views';
export { choicesFor } from './choices';
export type { Lab, LabSituation } from './types';
