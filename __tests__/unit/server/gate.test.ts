/** Who the app belongs to, who may use it, and the request shapes the custom server refuses. */
import { appOwner, judgePeer } from '@/lib/server/owner';
import { allowedMethods, isApi, pathDecodes, pathOf } from '@/lib/server/request-shape';
import { DEFAULT_LIMITS, limitsFromEnv, clientKey } from '@/lib/security/rate-limit';

test('the owner is the uid that started the app; under sudo (root with SUDO_UID) the user who typed sudo', () => {
  expect(appOwner({}, 1000).uid).toBe(1000);
  expect(appOwner({ SUDO_UID: '1000', SUDO_USER: 'alice' }, 0)).toMatchObject({ uid: 1000, name: 'alice' });
  // SUDO_UID grants nothing to a process that is not root.
  expect(appOwner({ SUDO_UID: '0' }, 1000).uid).toBe(1000);
  expect(appOwner({ SUDO_UID: 'x' }, 0).uid).toBe(0);
});

test('the owner and root pass; any other uid, an unknown peer or another account is refused with a sentence', () => {
  const owner = appOwner({ SUDO_UID: '1000', SUDO_USER: 'alice' }, 0);
  expect(judgePeer(owner, { kind: 'uid', uid: 1000 })).toEqual({ ok: true, key: 'uid:1000' });
  expect(judgePeer(owner, { kind: 'uid', uid: 0 })).toEqual({ ok: true, key: 'uid:0' });
  const other = judgePeer(owner, { kind: 'uid', uid: 65534 });
  expect(other).toMatchObject({ ok: false, code: 'other-user' });
  expect(!other.ok && other.message).toContain('belongs to user alice (uid 1000); you are uid 65534');
  expect(judgePeer(owner, { kind: 'unknown', reason: 'x' })).toMatchObject({
    ok: false,
    code: 'peer-unknown',
  });
  const win = { uid: null, account: 'DESKTOP-1\\alice', name: 'DESKTOP-1\\alice' };
  expect(judgePeer(win, { kind: 'account', account: 'desktop-1\\ALICE' }).ok).toBe(true);
  expect(judgePeer(win, { kind: 'account', account: 'DESKTOP-1\\bob' })).toMatchObject({
    code: 'other-user',
  });
});

test('paths that do not decode, and the methods each path answers', () => {
  expect(pathOf('/diagnose/a%?x=1')).toBe('/diagnose/a%');
  expect(pathOf('*')).toBeNull();
  expect(pathOf('http://evil/')).toBeNull();
  for (const bad of ['/diagnose/%', '/diagnose/a%', '/api/processes/%/stop', '/%E0%A4%A'])
    expect(pathDecodes(bad)).toBe(false);
  for (const good of ['/', '/diagnose/127.0.0.1%3A3000', '/api/listeners'])
    expect(pathDecodes(good)).toBe(true);
  expect(isApi('//api/x')).toBe(true);
  expect(isApi(null)).toBe(true);
  expect(isApi('/apix')).toBe(false);
  expect(allowedMethods('/api/processes/12/stop')).toEqual(['POST', 'OPTIONS']);
  expect(allowedMethods('/api/listeners')).toEqual(['GET', 'HEAD', 'OPTIONS']);
  expect(allowedMethods('/')).not.toContain('POST');
  expect(allowedMethods('/api/watches')).toEqual(['GET', 'HEAD', 'POST', 'OPTIONS']);
  expect(allowedMethods('/api/watches/abc')).toContain('DELETE');
  expect(allowedMethods('/api/listeners')).not.toContain('DELETE');
  expect(allowedMethods('/api/labs/runs/r1/check')).toEqual(['POST', 'OPTIONS']);
  expect(allowedMethods('/api/sessions/s1/notes')).toContain('POST');
});

test('the rate limiter keys on the peer the gate set, and RATE_LIMITS is validated', () => {
  expect(clientKey(new Headers({ 'x-ld-peer': 'uid:1000', 'x-forwarded-for': '127.0.0.1' }))).toBe(
    'uid:1000',
  );
  expect(limitsFromEnv(undefined)).toEqual(DEFAULT_LIMITS);
  expect(limitsFromEnv('burst=100, perSecond=50')).toEqual({ ...DEFAULT_LIMITS, burst: 100, perSecond: 50 });
  expect(typeof limitsFromEnv('burst=0')).toBe('string');
  expect(typeof limitsFromEnv('nope=1')).toBe('string');
});
