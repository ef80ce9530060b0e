/**
 * How much later than its own deadline a timed operation may end in a test. CI and developers run the suite
 * on shared 2-core machines next to builds, where a timer can fire several hundred ms late; a real hang (a
 * missing deadline) overshoots by far more, so this still tells "gives up at its timeout" from "hangs".
 */
export const LOADED_MACHINE_SLACK_MS = 1000;
