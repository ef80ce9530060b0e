import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Wizard } from '@/components/wizard/Wizard';
import { connections, table } from '../../support/facts';
import { fakeApi, renderWithProviders } from '../render';
import { holder, HOLDER_STARTED, portFreeDiagnosis, portTakenDiagnosis } from '../stop-fixtures';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

type Answer = { status?: number; body: unknown };

/**
 * The whole wizard against a fake API: the holder is there until `world.stopped` is set (what the server's
 * stop does to the machine); each POST to the stop route is answered by the next function in `stops`.
 */
function world(stops: Array<(body: unknown) => Answer | Promise<Answer>>) {
  const state = {
    stopped: false,
    posts: [] as Array<{ url: string; init: RequestInit | undefined }>,
    unexpected: [] as string[],
  };
  const api = fakeApi(async (url, init) => {
    switch (url.pathname) {
      case '/api/diagnose':
        return { body: state.stopped ? portFreeDiagnosis() : portTakenDiagnosis() };
      case '/api/listeners':
        return { body: table(state.stopped ? [] : [holder()]) };
      case '/api/connections':
        return { body: connections(3000) };
      case '/api/sessions':
        // The wizard opens a session first; a paused store refuses it and the wizard goes on without one.
        return {
          status: 409,
          body: { error: { code: 'history-unavailable', message: 'The history store is paused.' } },
        };
      // The Monitor's watch and port history (nothing watched, nothing recorded).
      case '/api/watches':
        return { body: { watches: [] } };
      case '/api/history':
        return { body: { port: 3000, events: [] } };
      case '/api/processes/4242/stop': {
        state.posts.push({ url: url.pathname, init });
        const next = stops.shift();
        if (!next) throw new Error('more stop requests than the test expected');
        return next(JSON.parse(String(init?.body)));
      }
    }
    // (No /api/ports/free: the diagnosis' free-port fact is what the page shows.)
    state.unexpected.push(url.pathname);
    throw new Error(`unexpected request ${url.pathname}`);
  });
  return { state, api };
}

const diagnoseCalls = (api: jest.Mock) =>
  api.mock.calls.filter(([u]) => String(u).startsWith('/api/diagnose')).length;
const startStep = () => screen.getByRole('region', { name: /Start the service/ });

async function openAndConfirm(user: ReturnType<typeof userEvent.setup>, beforeConfirm = () => {}) {
  renderWithProviders(<Wizard input="127.0.0.1:3000" intent="start" />);
  await user.click(
    await within(await screen.findByRole('region', { name: /Start the service/ })).findByRole('button', {
      name: /^Stop this process/,
    }),
  );
  const dialog = screen.getByRole('dialog', { name: 'Stop node (pid 4242)?' });
  beforeConfirm();
  await user.click(within(dialog).getByRole('button', { name: 'Stop node (pid 4242)' }));
  return dialog;
}

describe('Stop this process: what happens after confirming', () => {
  it('200: sends port and start time, shows progress, says it stopped, and the page moves on to "port free" by itself', async () => {
    const user = userEvent.setup();
    let answer!: (a: Answer) => void;
    const { state, api } = world([() => new Promise<Answer>((resolve) => (answer = resolve))]);
    await openAndConfirm(user);

    // The request: same-origin JSON POST naming the port and the listing's start time (pid reuse guard).
    expect(state.posts).toHaveLength(1);
    const { init } = state.posts[0]!;
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({ port: 3000, startedAt: HOLDER_STARTED });

    const dialog = screen.getByRole('dialog', { name: 'Stopping node (pid 4242)' });
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'Stopping… waiting up to 5 s for node (pid 4242) to exit.',
    );
    expect(within(dialog).getByRole('status')).toHaveFocus();
    const before = diagnoseCalls(api);

    state.stopped = true;
    answer({
      body: {
        stopped: true,
        signal: 'SIGTERM',
        pid: 4242,
        port: 3000,
        message: 'node (pid 4242) exited after SIGTERM; port 3000 is no longer held by it.',
      },
    });

    // The dialog closes itself; the answer stays on the page where the user asked, and has focus.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const outcome = screen.getByTestId('stop-outcome-start');
    expect(outcome).toHaveTextContent(
      'Stopped: node (pid 4242) exited after SIGTERM (the polite request). Port 3000 is no longer held by it.',
    );
    expect(outcome).toHaveFocus();

    // Nobody clicks anything: the target's queries were invalidated and the fresh diagnosis arrives.
    expect(
      await within(startStep()).findByRole('heading', {
        name: 'Port 3000 is free: start your service on it',
      }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('waiting')).toHaveTextContent('Waiting for your service on port 3000');
    expect(diagnoseCalls(api)).toBeGreaterThan(before);
    expect(within(startStep()).queryByRole('button', { name: /^Stop this process/ })).not.toBeInTheDocument();
    // Still there after the card it came from is gone.
    expect(screen.getByTestId('stop-outcome-start')).toHaveTextContent('Stopped: node (pid 4242)');
    expect(state.unexpected).toEqual([]);
  });

  it('202: still running after SIGTERM; force stop is a second, explicit choice that sends force: true', async () => {
    const user = userEvent.setup();
    const { state } = world([
      () => ({
        status: 202,
        body: {
          stopped: false,
          signal: 'SIGTERM',
          pid: 4242,
          port: 3000,
          message: 'node (pid 4242) is still running 5 s after SIGTERM.',
        },
      }),
      () => {
        state.stopped = true;
        return {
          body: {
            stopped: true,
            signal: 'SIGKILL',
            pid: 4242,
            port: 3000,
            message: 'node (pid 4242) exited after SIGKILL; port 3000 is no longer held by it.',
          },
        };
      },
    ]);
    await openAndConfirm(user);

    const dialog = await screen.findByRole('dialog', { name: 'node (pid 4242) is still running' });
    expect(within(dialog).getByRole('status')).toHaveTextContent(
      'node (pid 4242) is still running 5 s after SIGTERM.',
    );
    expect(dialog).toHaveTextContent(
      'Force stop sends SIGKILL to pid 4242: the system ends the program at once, without letting it save or clean up.',
    );
    // Nothing more is sent until the user chooses to force it.
    expect(state.posts).toHaveLength(1);

    // "Keep it running" closes; the page keeps the offer.
    await user.click(within(dialog).getByRole('button', { name: 'Keep it running' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(startStep()).getByRole('button', { name: /^Stop this process/ })).toHaveFocus();
    const outcome = screen.getByTestId('stop-outcome-start');
    expect(outcome).toHaveTextContent('node (pid 4242) is still running 5 s after SIGTERM.');

    await user.click(within(outcome).getByRole('button', { name: 'Force stop (SIGKILL)…' }));
    const again = screen.getByRole('dialog', { name: 'node (pid 4242) is still running' });
    await user.click(within(again).getByRole('button', { name: 'Force stop (SIGKILL)' }));

    expect(state.posts).toHaveLength(2);
    expect(JSON.parse(String(state.posts[1]!.init?.body))).toEqual({
      port: 3000,
      startedAt: HOLDER_STARTED,
      force: true,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByTestId('stop-outcome-start')).toHaveTextContent(
      'Stopped: node (pid 4242) exited after SIGKILL (force stop). Port 3000 is no longer held by it.',
    );
    expect(
      await within(startStep()).findByRole('heading', {
        name: 'Port 3000 is free: start your service on it',
      }),
    ).toBeInTheDocument();
  });

  it('409: shows the server’s own reason, stops nothing, and gives focus back on Close', async () => {
    const user = userEvent.setup();
    const refusal =
      'Refused: pid 4242 is not the process you saw: it was listed as started at 2025-11-26T09:57:00.000Z, the process with that pid now started at 2025-11-26T09:59:30.000Z. The pid was reused; refresh the listing.';
    const { api } = world([
      () => ({ status: 409, body: { error: { code: 'process-changed', message: refusal } } }),
    ]);
    let before = 0;
    await openAndConfirm(user, () => (before = diagnoseCalls(api)));

    const dialog = await screen.findByRole('dialog', { name: 'node (pid 4242) was not stopped' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent(refusal);
    expect(within(dialog).getByRole('alert')).toHaveFocus();
    expect(within(dialog).queryByRole('button', { name: /Force/ })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(startStep()).getByRole('button', { name: /^Stop this process/ })).toHaveFocus();
    const outcome = screen.getByTestId('stop-outcome-start');
    expect(outcome).toHaveTextContent('Localhost Doctor did not stop node (pid 4242).');
    expect(outcome).toHaveTextContent(refusal);
    // The listing it refused on is out of date: the page asks again on its own.
    await waitFor(() => expect(diagnoseCalls(api)).toBeGreaterThan(before));

    await user.click(within(outcome).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('stop-outcome-start')).not.toBeInTheDocument();
  });
});
