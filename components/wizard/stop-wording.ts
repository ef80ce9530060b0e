/**
 * The sentences around "stop the process that holds the port", per OS: on Windows the server runs taskkill
 * (and taskkill /F to force) instead of sending SIGTERM / SIGKILL. Wording only; the server decides.
 */
import type { StopProcessAction } from '@/lib/diagnosis/types';
import type { Listener } from '@/lib/host/listeners/types';
import type { StopResult } from '@/components/data/queries';

/** Seconds the server waits for the process to exit (lib/host/stop-process.ts). */
export const STOP_WAIT_S = 5;

/** The OS of the machine running Localhost Doctor (facts.platform), not the commands switch. */
export type StopPlatform = 'linux' | 'darwin' | 'win32';

const isWindows = (platform: StopPlatform) => platform === 'win32';

/** "node (pid 4242)". */
export function processLabel(l: Pick<Listener, 'process' | 'pid'>): string {
  return `${l.process ?? 'the process'} (pid ${l.pid ?? '?'})`;
}

/** "node (pid 4242, user alice)": who a stop action names. */
export function holderLabel(a: Pick<StopProcessAction, 'process' | 'pid' | 'user'>): string {
  return `${a.process ?? 'a process'} (pid ${a.pid}${a.user ? `, user ${a.user}` : ''})`;
}

/** What the confirmation says will happen, before anything is sent. */
export function whatWillHappen(pid: number, platform: StopPlatform): string {
  return isWindows(platform)
    ? `Localhost Doctor runs taskkill /PID ${pid} (a polite request to close) and waits up to ${STOP_WAIT_S} seconds. Unsaved work in that program may be lost.`
    : `Localhost Doctor sends SIGTERM (a polite request to exit) to pid ${pid} and waits up to ${STOP_WAIT_S} seconds. Unsaved work in that program may be lost.`;
}

/** The server's own safety checks, said once so nobody fears stopping the wrong process. */
export function checkedFirst(pid: number, port: number): string {
  return `Right before that, it checks again that pid ${pid} still holds port ${port}, runs as your user and is the same process shown here. If anything changed, nothing is stopped and you see why.`;
}

export function forceLabel(platform: StopPlatform): string {
  return isWindows(platform) ? 'Force stop (taskkill /F)' : 'Force stop (SIGKILL)';
}

export function forceExplained(pid: number, platform: StopPlatform): string {
  return isWindows(platform)
    ? `Force stop runs taskkill /PID ${pid} /F: Windows ends the program at once, without letting it save or clean up. Unsaved work in it is lost.`
    : `Force stop sends SIGKILL to pid ${pid}: the system ends the program at once, without letting it save or clean up. Unsaved work in it is lost.`;
}

function signalWords(signal: StopResult['signal'], platform: StopPlatform): string {
  if (isWindows(platform)) return signal === 'SIGKILL' ? 'taskkill /F' : 'taskkill';
  return signal === 'SIGKILL' ? 'SIGKILL (force stop)' : 'SIGTERM (the polite request)';
}

export function progressSentence(force: boolean, platform: StopPlatform, who: string): string {
  return force
    ? `Force stopping… ${isWindows(platform) ? 'taskkill /F' : 'SIGKILL'} sent to ${who}, waiting up to ${STOP_WAIT_S} s.`
    : `Stopping… waiting up to ${STOP_WAIT_S} s for ${who} to exit.`;
}

export function stoppedSentence(result: StopResult, platform: StopPlatform, who: string): string {
  return `Stopped: ${who} exited after ${signalWords(result.signal, platform)}. Port ${result.port} is no longer held by it.`;
}

/** A 202 after the polite request: still running, the user may force it. */
export function stillRunningSentence(platform: StopPlatform, who: string): string {
  return isWindows(platform)
    ? `${who} is still running: it did not close when asked (taskkill without /F). Console programs often close only when forced.`
    : `${who} is still running ${STOP_WAIT_S} s after SIGTERM. It may still be finishing work (saving files, closing connections), or it ignores the request to exit.`;
}
