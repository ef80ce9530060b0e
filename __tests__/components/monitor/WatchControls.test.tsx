import { act, fireEvent, render, screen } from '@testing-library/react';
import { WatchControls } from '@/components/monitor/WatchControls';
import { useFlipAlerts } from '@/components/monitor/use-flip-alerts';
import type { WatchView } from '@/components/monitor/types';
import { SessionLogProvider } from '@/components/sessions/session-log';
import { httpOkDiagnosis } from '@/__tests__/fixtures/diagnoses';
import { fakeApi, renderWithProviders } from '../render';

const watch = (over: Partial<WatchView> = {}): WatchView => ({
  id: '6f1c1f4e-1111-4222-8333-444455556666',
  target: '127.0.0.1:3000',
  intervalSeconds: 5,
  createdAt: '2030-01-01T00:00:00.000Z',
  state: 'up',
  since: '2030-01-01T00:00:00.000Z',
  lastSample: null,
  uptimePercent: 99.5,
  ...over,
});

/** The browser's Notification API as jsdom lacks it: records permission requests and notifications shown. */
function installNotification(permission: NotificationPermission) {
  const shown: string[] = [];
  const requests: number[] = [];
  class FakeNotification {
    static permission = permission;
    static requestPermission = async () => {
      requests.push(Date.now());
      return permission;
    };
    constructor(title: string) {
      shown.push(title);
    }
  }
  Object.assign(globalThis, { Notification: FakeNotification });
  return { shown, requests };
}
afterEach(() => {
  delete (globalThis as { Notification?: unknown }).Notification;
});

it('shows the state, uptime and interval; notification permission is asked only when the user clicks', async () => {
  const n = installNotification('granted');
  const onNotify = jest.fn();
  renderWithProviders(
    <WatchControls target="127.0.0.1:3000" watch={watch()} notify={false} onNotify={onNotify} />,
  );
  expect(screen.getByTestId('watch-state')).toHaveTextContent(
    /^Up since .+ · 99\.5 % up over 24 h · sampled every 5 s$/,
  );
  expect(n.requests).toEqual([]);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Notify me when it goes up or down' }));
  });
  expect(n.requests).toHaveLength(1);
  expect(onNotify).toHaveBeenCalledWith(true);
});

it('"Watch this address" posts the target', async () => {
  const api = fakeApi(() => ({ status: 201, body: { watch: watch() } }));
  renderWithProviders(
    <WatchControls target="127.0.0.1:3000" watch={undefined} notify={false} onNotify={() => {}} />,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Watch this address' }));
  });
  const [url, init] = api.mock.calls[0]!;
  expect(String(url)).toBe('/api/watches');
  expect(init?.method).toBe('POST');
  expect(JSON.parse(String(init?.body))).toEqual({ target: '127.0.0.1:3000' });
});

it('in a session, starting a watch is recorded in its timeline as a watch-started action', async () => {
  const sessionId = '0b6e0a4c-5a8e-4d7e-9c1b-2f3a4b5c6d7e';
  const api = fakeApi((url) =>
    url.pathname === '/api/watches'
      ? { status: 201, body: { watch: watch() } }
      : { status: 201, body: { entry: { kind: 'action' } } },
  );
  renderWithProviders(
    <SessionLogProvider sessionId={sessionId} diagnosis={httpOkDiagnosis()}>
      <WatchControls target="127.0.0.1:3000" watch={undefined} notify={false} onNotify={() => {}} />
    </SessionLogProvider>,
  );
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Watch this address' }));
  });
  const logged = api.mock.calls.find(([url]) => String(url).endsWith(`/api/sessions/${sessionId}/actions`));
  expect(JSON.parse(String(logged?.[1]?.body))).toEqual({
    action: 'watch-started',
    text: 'Started watching 127.0.0.1:3000 every 5 s',
    watchId: watch().id,
  });
});

function Alerts({ w, notify }: { w: WatchView; notify: boolean }) {
  useFlipAlerts(w, notify);
  return null;
}

it('a flip sets the tab title and notifies when opted in; the first reading is the state, not news', () => {
  const n = installNotification('granted');
  document.title = 'Localhost Doctor';
  const { rerender, unmount } = render(<Alerts w={watch({ state: 'up' })} notify />);
  expect(document.title).toBe('▲ up · 127.0.0.1:3000');
  expect(n.shown).toEqual([]);
  rerender(<Alerts w={watch({ state: 'down' })} notify />);
  expect(document.title).toBe('▼ down · 127.0.0.1:3000');
  expect(n.shown).toEqual(['127.0.0.1:3000 is down']);
  rerender(<Alerts w={watch({ state: 'up' })} notify={false} />);
  expect(document.title).toBe('▲ up · 127.0.0.1:3000');
  expect(n.shown).toEqual(['127.0.0.1:3000 is down']);
  unmount();
  expect(document.title).toBe('Localhost Doctor');
});
