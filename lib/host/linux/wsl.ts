import 'server-only';
import { readFile } from 'node:fs/promises';

/** What /proc/version says about running inside Windows Subsystem for Linux. */
export interface WslInfo {
  isWsl: boolean;
  /** 1: a translation layer (shares Windows' network stack); 2: a VM behind NAT or mirrored networking. */
  version: 1 | 2 | null;
  /** The kernel release, quoted in findings ("5.15.153.1-microsoft-standard-WSL2"). */
  kernel: string | null;
}

/**
 * WSL 2 kernels are named "…-microsoft-standard-WSL2"; WSL 1 reports a fake "4.4.0-19041-Microsoft".
 * Anything else (including a custom WSL 2 kernel without the suffix but built by Microsoft) counts as
 * WSL when it mentions Microsoft or WSL at all, with the version left unknown.
 */
export function parseProcVersion(text: string): WslInfo {
  const kernel = text.match(/Linux version (\S+)/)?.[1] ?? null;
  if (!/microsoft|wsl/i.test(text)) return { isWsl: false, version: null, kernel };
  const version = /WSL2/i.test(text) ? 2 : /-Microsoft\b/.test(kernel ?? '') ? 1 : null;
  return { isWsl: true, version, kernel };
}

let thisBoot: Promise<WslInfo> | null = null;

/** /proc/version names the running kernel, which cannot change until a reboot: read it once per process. */
export function readWslInfo(path = '/proc/version'): Promise<WslInfo> {
  if (path !== '/proc/version')
    return readFile(/*turbopackIgnore: true*/ path, 'utf8').then(parseProcVersion);
  thisBoot ??= readFile(/*turbopackIgnore: true*/ path, 'utf8').then(parseProcVersion);
  thisBoot.catch(() => {
    thisBoot = null;
  });
  return thisBoot;
}
