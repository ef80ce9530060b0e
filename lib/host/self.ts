import 'server-only';
import os from 'node:os';

/** A process and who runs it: the doctor's own, so checks can say who may stop what. */
export interface ProcessIdentity {
  pid: number;
  uid: number | null;
  user: string | null;
  /** The doctor's own working directory: a fix adds `cd <dir> &&` only when the holder's differs. */
  cwd?: string;
}

export function selfIdentity(): ProcessIdentity {
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  let user: string | null = null;
  try {
    user = os.userInfo().username;
  } catch {
    user = null;
  }
  return { pid: process.pid, uid, user, cwd: process.cwd() };
}
