import path from 'node:path';

const APP_DIR = 'localhost-doctor';

/**
 * Where the history store lives, from the environment alone (pure, so every OS is testable on any OS):
 * DATA_DIR wins; otherwise each OS's own place for per-user application data.
 */
export function dataDirFor(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform,
  homedir: string,
): string {
  const explicit = env.DATA_DIR?.trim();
  if (explicit) return explicit;
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA?.trim();
    return path.win32.join(local || path.win32.join(homedir, 'AppData', 'Local'), APP_DIR);
  }
  if (platform === 'darwin') {
    return path.posix.join(homedir, 'Library', 'Application Support', APP_DIR);
  }
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME?.trim();
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homedir, '.local', 'share');
  return path.posix.join(base, APP_DIR);
}
