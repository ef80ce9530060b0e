import { userInfo } from 'node:os';
import type { LocalPeer } from '@/lib/host/peer';

/** The user this Localhost Doctor acts for: it runs with that user's rights, so it answers only them and root. */
export interface AppOwner {
  /** Linux/macOS: the uid. null on Windows. */
  uid: number | null;
  /** Windows: `DOMAIN\user`. null elsewhere. */
  account: string | null;
  /** For messages. */
  name: string;
}

/**
 * The uid that started the app; under sudo (running as root with SUDO_UID set) the user who typed sudo,
 * since that is who the browser tab belongs to. SUDO_UID counts only for root: for anyone else it is just an
 * environment variable and grants nothing.
 */
export function appOwner(
  env: Record<string, string | undefined> = process.env,
  uid: number | null = typeof process.getuid === 'function' ? process.getuid() : null,
): AppOwner {
  let me: string;
  try {
    me = userInfo().username;
  } catch {
    me = uid === null ? 'unknown' : `uid ${uid}`;
  }
  if (uid === null) {
    const account = env.USERDOMAIN ? `${env.USERDOMAIN}\\${me}` : me;
    return { uid: null, account, name: account };
  }
  const sudo = Number(env.SUDO_UID);
  if (uid === 0 && env.SUDO_UID && Number.isInteger(sudo) && sudo >= 0)
    return { uid: sudo, account: null, name: env.SUDO_USER || `uid ${sudo}` };
  return { uid, account: null, name: me };
}

export type PeerVerdict =
  { ok: true; key: string } | { ok: false; code: 'other-user' | 'peer-unknown'; message: string };

/** The app's owner and root may use it; any other local user may not. `key` names the peer for the rate limiter. */
export function judgePeer(owner: AppOwner, peer: LocalPeer): PeerVerdict {
  if (peer.kind === 'uid') {
    if (peer.uid === owner.uid || peer.uid === 0) return { ok: true, key: `uid:${peer.uid}` };
    return {
      ok: false,
      code: 'other-user',
      message: `This Localhost Doctor belongs to user ${owner.name} (uid ${owner.uid ?? '?'}); you are uid ${peer.uid}. It acts with its user's rights, so it answers only that user and root. Start your own with \`npm start\`.`,
    };
  }
  if (peer.kind === 'account') {
    if (owner.account !== null && peer.account.toLowerCase() === owner.account.toLowerCase())
      return { ok: true, key: `account:${peer.account.toLowerCase()}` };
    return {
      ok: false,
      code: 'other-user',
      message: `This Localhost Doctor belongs to ${owner.name}; you are ${peer.account}. It acts with its user's rights, so it answers only that user. Start your own with \`npm start\`.`,
    };
  }
  return {
    ok: false,
    code: 'peer-unknown',
    message: `Localhost Doctor could not tell which local user opened this connection (${peer.reason}), so it does not answer it: it acts with its user's rights and answers only that user.`,
  };
}
