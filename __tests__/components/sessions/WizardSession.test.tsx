import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Wizard } from '@/components/wizard/Wizard';
import { formatHourMinute } from '@/components/sessions/format-time';
import { noListenerDiagnosis } from '../../fixtures/diagnoses';
import { connections, table } from '../../support/facts';
import { fakeApi, renderWithProviders } from '../render';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

const ID = '3ab1be00-0000-4000-8000-000000000001';
const TARGET = '127.0.0.1:62893';
const session = { id: ID, target: TARGET, createdAt: '2025-11-26T10:00:00.000Z', readOnly: false };

function serve() {
  const posts: { path: string; body: unknown }[] = [];
  const api = fakeApi((url, init) => {
    const method = init?.method ?? 'GET';
    if (method === 'POST') posts.push({ path: url.pathname, body: JSON.parse(String(init?.body ?? '{}')) });
    if (url.pathname === '/api/sessions' && method === 'POST') return { status: 201, body: { session } };
    if (url.pathname === `/api/sessions/${ID}` && method === 'GET') return { body: { session, entries: [] } };
    if (url.pathname === `/api/sessions/${ID}/diagnoses`)
      return {
        status: 201,
        body: {
          entry: {
            kind: 'diagnosis',
            seq: 1,
            at: session.createdAt,
            intent: 'reach',
            diagnosis: noListenerDiagnosis(),
          },
        },
      };
    if (url.pathname === `/api/sessions/${ID}/copied`)
      return { status: 201, body: { entry: { kind: 'copied', seq: 2, at: session.createdAt } } };
    if (url.pathname === '/api/listeners') return { body: table([]) };
    if (url.pathname === '/api/connections') return { body: connections(62893) };
    return { status: 404, body: { error: { code: 'not-found', message: `unexpected ${url.pathname}` } } };
  });
  return { api, posts };
}

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', `/diagnose/${encodeURIComponent(TARGET)}`);
  Object.assign(navigator, { clipboard: { writeText: jest.fn().mockResolvedValue(undefined) } });
});

test('opens a session for the address, diagnoses through it, and records a copied fix with its finding', async () => {
  const { api, posts } = serve();
  renderWithProviders(<Wizard input={TARGET} intent="reach" />);
  const bar = await screen.findByRole('region', { name: 'Troubleshooting session' });
  expect(bar).toHaveTextContent(`Session 3ab1be · started ${formatHourMinute(session.createdAt)}`);
  expect(within(bar).getByRole('link', { name: 'Session 3ab1be' })).toHaveAttribute(
    'href',
    `/sessions/${ID}`,
  );
  expect(posts.map((p) => p.path)).toEqual(['/api/sessions', `/api/sessions/${ID}/diagnoses`]);
  expect(posts[0]!.body).toEqual({ target: TARGET });
  expect(api.mock.calls.some(([u]) => String(u).startsWith('/api/diagnose'))).toBe(false);
  expect(new URLSearchParams(window.location.search).get('session')).toBe(ID);
  expect(window.localStorage.getItem(`ld-session:${TARGET}`)).toBe(ID);

  const django = noListenerDiagnosis()
    .findings.find((f) => f.id === 'no-listener')!
    .fixes.find((f) => f.platform === 'linux' || f.platform === 'any')!;
  fireEvent.click(
    screen.getAllByRole('button', {
      name: new RegExp(`^Copy ?: ${django.label.replace(/[()]/g, '\\$&')}$`),
    })[0]!,
  );
  await waitFor(() => expect(posts.map((p) => p.path)).toContain(`/api/sessions/${ID}/copied`));
  expect(posts.find((p) => p.path.endsWith('/copied'))!.body).toEqual({
    findingId: 'no-listener',
    label: django.label,
    command: django.command,
    platform: django.platform,
  });
});

test('a reload continues the session named in the URL instead of opening another', async () => {
  window.history.replaceState(null, '', `/diagnose/${encodeURIComponent(TARGET)}?session=${ID}`);
  const { posts } = serve();
  renderWithProviders(<Wizard input={TARGET} intent="reach" />);
  await screen.findByRole('region', { name: 'Troubleshooting session' });
  expect(posts.map((p) => p.path)).toEqual([`/api/sessions/${ID}/diagnoses`]);
});

test('a paused store (409) opens no session; the wizard diagnoses as before', async () => {
  const api = fakeApi((url) => {
    if (url.pathname === '/api/sessions')
      return { status: 409, body: { error: { code: 'history-unavailable', message: 'paused' } } };
    if (url.pathname === '/api/diagnose') return { body: noListenerDiagnosis() };
    if (url.pathname === '/api/listeners') return { body: table([]) };
    return { body: connections(62893) };
  });
  renderWithProviders(<Wizard input={TARGET} intent="reach" />);
  await screen.findByRole('heading', { level: 1, name: /Nothing is listening on port 62893/ });
  expect(screen.queryByRole('region', { name: 'Troubleshooting session' })).not.toBeInTheDocument();
  expect(api.mock.calls.some(([u]) => String(u).startsWith('/api/diagnose?'))).toBe(true);
});

test('"New session" opens another session for the address and diagnoses into it; the URL names the new one', async () => {
  const NEXT = '7c2d0000-0000-4000-8000-000000000002';
  const posts: string[] = [];
  let opened = 0;
  fakeApi((url, init) => {
    const method = init?.method ?? 'GET';
    if (method === 'POST') posts.push(url.pathname);
    if (url.pathname === '/api/sessions' && method === 'POST')
      return { status: 201, body: { session: { ...session, id: opened++ === 0 ? ID : NEXT } } };
    const m = /^\/api\/sessions\/([0-9a-f-]{36})\/diagnoses$/.exec(url.pathname);
    if (m)
      return {
        status: 201,
        body: {
          entry: {
            kind: 'diagnosis',
            seq: 1,
            at: session.createdAt,
            intent: 'reach',
            diagnosis: noListenerDiagnosis(),
          },
        },
      };
    if (url.pathname === '/api/listeners') return { body: table([]) };
    return { body: connections(62893) };
  });
  renderWithProviders(<Wizard input={TARGET} intent="reach" />);
  const bar = await screen.findByRole('region', { name: 'Troubleshooting session' });
  fireEvent.click(within(bar).getByRole('button', { name: 'New session' }));
  await within(bar).findByRole('link', { name: 'Session 7c2d00' });
  expect(posts).toEqual([
    '/api/sessions',
    `/api/sessions/${ID}/diagnoses`,
    '/api/sessions',
    `/api/sessions/${NEXT}/diagnoses`,
  ]);
  await waitFor(() => expect(new URLSearchParams(window.location.search).get('session')).toBe(NEXT));
  expect(window.localStorage.getItem(`ld-session:${TARGET}`)).toBe(NEXT);
});
