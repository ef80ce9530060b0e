/**
 * How much later than its own deadline a timed operation may end in a test. CI and developers run the suite
 * on shared 2-core machines next to builds, where a timer can fire several hundred ms late; a real hang (a
 * missing deadline) overshoots by far more, so this still tells "gives up at its timeout" from "hangs".
 */
export const LOADED_MACHINE_SLACK_MS = 1000;

/**
 * A deliberate wait that proves something does NOT happen (no request sent, no process stopped) within a
 * period. Waiting for something that does happen awaits its event instead.
 */
export function absenceWindow(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
