import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Wizard } from '@/components/wizard/Wizard';
import { connections, table } from '../../support/facts';
import { fakeApi, renderWithProviders } from '../render';
import { holder, portFreeDiagnosis, portTakenDiagnosis } from '../stop-fixtures';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

const ID = '3ab1be00-0000-4000-8000-000000000009';
const session = { id: ID, target: '127.0.0.1:3000', createdAt: '2025-11-26T10:00:00.000Z', readOnly: false };

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/diagnose/127.0.0.1%3A3000?intent=start');
});

test('a process stopped through the wizard is an action in the session, naming it, its pid and the port', async () => {
  const user = userEvent.setup();
  let stopped = false;
  const actions: unknown[] = [];
  fakeApi((url, init) => {
    switch (url.pathname) {
      case '/api/sessions':
        return { status: 201, body: { session } };
      case `/api/sessions/${ID}/diagnoses`:
        expect(JSON.parse(String(init?.body))).toEqual({ intent: 'start' });
        return {
          status: 201,
          body: {
            entry: {
              kind: 'diagnosis',
              seq: 1,
              at: session.createdAt,
              intent: 'start',
              diagnosis: stopped ? portFreeDiagnosis() : portTakenDiagnosis(),
            },
          },
        };
      case `/api/sessions/${ID}/actions`:
        actions.push(JSON.parse(String(init?.body)));
        return { status: 201, body: { entry: { kind: 'action', seq: 2, at: session.createdAt } } };
      case '/api/listeners':
        return { body: table(stopped ? [] : [holder()]) };
      case '/api/connections':
        return { body: connections(3000) };
      case '/api/processes/4242/stop':
        stopped = true;
        return { body: { stopped: true, signal: 'SIGTERM', pid: 4242, port: 3000, message: 'exited' } };
    }
    return { status: 404, body: { error: { code: 'not-found', message: `unexpected ${url.pathname}` } } };
  });
  renderWithProviders(<Wizard input="127.0.0.1:3000" intent="start" />);
  const start = await screen.findByRole('region', { name: /Start the service/ });
  await user.click(await within(start).findByRole('button', { name: /^Stop this process/ }));
  const dialog = screen.getByRole('dialog', { name: 'Stop node (pid 4242)?' });
  await user.click(within(dialog).getByRole('button', { name: 'Stop node (pid 4242)' }));
  await waitFor(() => expect(actions).toHaveLength(1));
  expect(actions[0]).toEqual({
    action: 'stop-process',
    text: 'you stopped node (pid 4242) on port 3000',
    pid: 4242,
    port: 3000,
  });
});
