import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { FixStep } from '@/components/wizard/FixStep';
import { StartStep } from '@/components/wizard/StartStep';
import { StopProcessProvider } from '@/components/wizard/StopProcessProvider';
import { httpOkDiagnosis } from '../../fixtures/diagnoses';
import { fakeApi, isCommand, livePort, renderWithProviders } from '../render';
import { dockerProxy, HOLDER_COMMAND, holder, portTakenDiagnosis, portTakenFinding } from '../stop-fixtures';

const NOW = Date.parse('2025-11-26T10:00:00.000Z');
const INPUT = '127.0.0.1:3000';

function renderSteps(diagnosis: Diagnosis, intent: 'start' | 'reach' = 'start') {
  const api = fakeApi((url) => {
    // Only asked when the diagnosis has no free-port fact: a different port than the fact's 3001, to tell them apart.
    if (url.pathname === '/api/ports/free')
      return {
        body: {
          port: 3002,
          near: 3000,
          verifiedOn: ['127.0.0.1', '::1'],
          ephemeral: { low: 32768, high: 60999, source: '/proc/sys/net/ipv4/ip_local_port_range' },
        },
      };
    if (url.pathname === '/api/processes/4242/stop')
      return {
        body: { stopped: true, signal: 'SIGTERM', pid: 4242, port: 3000, message: 'node (pid 4242) exited.' },
      };
    throw new Error(`unexpected request ${url.pathname}`);
  });
  renderWithProviders(
    <StopProcessProvider input={INPUT} platform={diagnosis.facts.platform}>
      <StartStep diagnosis={diagnosis} live={livePort()} input={INPUT} intent={intent} now={NOW} />
      <FixStep diagnosis={diagnosis} input={INPUT} />
    </StopProcessProvider>,
    diagnosis.facts.platform,
  );
  return api;
}

const asked = (api: jest.Mock, path: string) => api.mock.calls.some(([u]) => String(u).startsWith(path));
const startStep = () => screen.getByRole('region', { name: /Start the service/ });
const ownerStop = () => within(startStep()).getByRole('button', { name: /^Stop this process/ });

describe('Stop this process: the confirmation dialog', () => {
  it('shows who will be stopped — name, pid, user, port, the full command line — and exactly what happens', async () => {
    const user = userEvent.setup();
    const api = renderSteps(portTakenDiagnosis());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(ownerStop());
    const dialog = screen.getByRole('dialog', { name: 'Stop node (pid 4242)?' });
    expect(dialog).toHaveAttribute('open');
    const facts = dialog.querySelector('dl')!;
    const row = (term: string) => within(facts).getByText(term).nextElementSibling;
    expect(row('Process')).toHaveTextContent('node');
    expect(row('pid')).toHaveTextContent('4242');
    expect(row('User')).toHaveTextContent('alice');
    expect(row('Port')).toHaveTextContent('3000 (listening on 127.0.0.1:3000, TCP)');
    expect(row('Running since')).toHaveTextContent(/\d\d:\d\d:\d\d/);
    expect(dialog).toHaveTextContent('It holds port 3000, the port you want for your service.');
    // The whole command line, not clamped: it is what the user is about to end.
    expect(row('Command line')).toHaveTextContent(HOLDER_COMMAND);
    expect(dialog).toHaveTextContent(
      'What will happen' +
        'Localhost Doctor sends SIGTERM (a polite request to exit) to pid 4242 and waits up to 5 seconds. Unsaved work in that program may be lost.',
    );
    expect(dialog).toHaveTextContent('checks again that pid 4242 still holds port 3000, runs as your user');
    // The safe choice has focus; nothing was sent by opening it.
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(asked(api, '/api/processes/')).toBe(false);
  });

  it('names the sockets the process holds on the port, from the listing', async () => {
    const user = userEvent.setup();
    renderSteps(
      portTakenDiagnosis('linux', [holder(), holder({ address: '::1', family: 'IPv6', inode: 91235 })]),
    );
    // One process, one action: one button on the finding (per place), one on each of its sockets' cards.
    expect(within(startStep()).getAllByRole('button', { name: 'Stop node (pid 4242)' })).toHaveLength(1);
    expect(within(startStep()).getAllByRole('button', { name: /^Stop this process/ })).toHaveLength(2);
    await user.click(within(startStep()).getByRole('button', { name: 'Stop node (pid 4242)' }));
    const row = within(screen.getByRole('dialog').querySelector('dl')!).getByText('Port').nextElementSibling;
    expect(row).toHaveTextContent('3000 (listening on 127.0.0.1:3000 and [::1]:3000, TCP)');
  });

  it('closes on Escape without sending anything, and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const api = renderSteps(portTakenDiagnosis());
    await user.click(ownerStop());
    expect(screen.getByRole('dialog')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(ownerStop()).toHaveFocus();
    expect(asked(api, '/api/processes/')).toBe(false);

    // Cancel does the same.
    await user.click(ownerStop());
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(ownerStop()).toHaveFocus();
  });

  it('keeps Tab inside the dialog while it is open', async () => {
    const user = userEvent.setup();
    renderSteps(portTakenDiagnosis());
    await user.click(ownerStop());
    const dialog = screen.getByRole('dialog');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Stop node (pid 4242)' });
    expect(cancel).toHaveFocus();
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab(); // past the last button: back to the first, never out to the page behind
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
  });

  it('says taskkill, not SIGTERM, when Localhost Doctor runs on Windows', async () => {
    const user = userEvent.setup();
    renderSteps(portTakenDiagnosis('win32', [holder({ process: 'node.exe', user: 'ALICE-PC\\alice' })]));
    await user.click(ownerStop());
    const dialog = screen.getByRole('dialog', { name: 'Stop node.exe (pid 4242)?' });
    expect(dialog).toHaveTextContent(
      'Localhost Doctor runs taskkill /PID 4242 (a polite request to close) and waits up to 5 seconds. Unsaved work in that program may be lost.',
    );
    expect(dialog).not.toHaveTextContent('SIGTERM');
  });
});

describe('where stopping is offered', () => {
  it('offers it on the port-taken finding (steps 1 and 4) and on the holder’s card, with the diagnosis’ free port', async () => {
    const api = renderSteps(portTakenDiagnosis());
    // On the holder's own card, next to its command line.
    expect(ownerStop()).toBeInTheDocument();
    const taken = /Port 3000 is already taken by node \(pid 4242\)/;
    const cards = [
      within(startStep()).getByRole('article', { name: taken }),
      within(screen.getByRole('region', { name: /Fix/ })).getByRole('article', { name: taken }),
    ];
    for (const card of cards) {
      // The finding's two ways out: stop the holder the engine offers (the server decides if it may)…
      expect(card).toHaveTextContent('Either stop what holds port 3000node (pid 4242, user alice)');
      expect(within(card).getByRole('button', { name: 'Stop node (pid 4242)' })).toBeInTheDocument();
      // …or the port the diagnosis proved free (the one its fix names), with a link that checks it for starting.
      const link = within(card).getByRole('link', { name: 'check 127.0.0.1:3001 for starting a service' });
      expect(link).toHaveAttribute('href', '/diagnose/127.0.0.1%3A3001?intent=start');
      expect(within(card).getByTestId('free-port')).toHaveTextContent('Or use port 3001 instead');
      expect(within(card).getByTestId('free-port')).toHaveTextContent(
        'Port 3001 was free when this diagnosis ran (checked by binding it).',
      );
      // The engine's commands follow, introduced as the same thing done by hand.
      expect(card).toHaveTextContent('Or do it yourself in a terminal');
    }
    // The fact was enough: the free-port API was not asked again.
    expect(asked(api, '/api/ports/free')).toBe(false);
  });

  it('asks the free-port API only when the diagnosis’ fact failed', async () => {
    const api = renderSteps(
      portTakenDiagnosis('linux', [holder()], {
        freePort: {
          status: 'failed',
          error: 'no answer within 3000 ms',
          source: 'bind test',
          durationMs: 3000,
        },
      }),
    );
    const card = within(startStep()).getByRole('article', { name: /Port 3000 is already taken/ });
    const link = await within(card).findByRole('link', {
      name: 'check 127.0.0.1:3002 for starting a service',
    });
    expect(link).toHaveAttribute('href', '/diagnose/127.0.0.1%3A3002?intent=start');
    expect(within(card).getByTestId('free-port')).toHaveTextContent(
      'Port 3002 is free right now (checked by binding it on 127.0.0.1 and ::1)',
    );
    expect(asked(api, '/api/ports/free?near=3000')).toBe(true);
  });

  it('renders the engine’s actions and nothing else: no action, no button, though the facts name a pid', () => {
    const d = portTakenDiagnosis();
    delete portTakenFinding(d).actions;
    renderSteps(d);
    expect(
      within(startStep()).getByRole('article', { name: /Port 3000 is already taken by node/ }),
    ).toBeInTheDocument();
    expect(within(startStep()).getByText('pid 4242')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Stop/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Either stop what holds/)).not.toBeInTheDocument();
  });

  it('offers no stop for a docker-proxy forwarder, which the engine leaves out of its actions', () => {
    const d = portTakenDiagnosis('linux', [dockerProxy()]);
    expect(portTakenFinding(d).actions).toEqual([]);
    renderSteps(d);
    expect(
      within(startStep()).getByRole('article', {
        name: /Port 3000 is already taken by docker-proxy \(pid 777\)/,
      }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Stop/ })).not.toBeInTheDocument();
  });

  it('sends the start time the engine’s action carries', async () => {
    const user = userEvent.setup();
    const d = portTakenDiagnosis();
    const action = portTakenFinding(d).actions![0]!;
    action.startedAt = '2025-11-26T09:56:59.000Z'; // not the listing's: proves where the POST takes it from
    const api = renderSteps(d);
    await user.click(within(startStep()).getByRole('button', { name: 'Stop node (pid 4242)' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Stop node (pid 4242)' }),
    );
    const post = api.mock.calls.find(([u]) => String(u) === '/api/processes/4242/stop');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      port: 3000,
      startedAt: '2025-11-26T09:56:59.000Z',
    });
  });

  it('without the process’s start time, offers no button and leaves the finding’s own text and commands', () => {
    const d = portTakenDiagnosis('linux', [holder({ startedAt: null })]);
    // The engine offers no action without a start time (it could not prove the pid is the listed process).
    expect(portTakenFinding(d).actions).toEqual([]);
    renderSteps(d);
    expect(screen.queryByRole('button', { name: /^Stop/ })).not.toBeInTheDocument();
    const card = within(startStep()).getByRole('article', { name: /Port 3000 is already taken by node/ });
    expect(card).toHaveTextContent(portTakenFinding(d).detail.replaceAll('`', '')); // `code` renders as <code>
    expect(within(card).getByText(isCommand('kill 4242'))).toBeInTheDocument();
    // The other way out is still there.
    expect(within(card).getByTestId('free-port')).toHaveTextContent('Use port 3001 instead');
  });

  it('does not offer to stop a service the user is only trying to reach', () => {
    renderSteps(httpOkDiagnosis(), 'reach');
    expect(screen.queryByRole('button', { name: /^Stop/ })).not.toBeInTheDocument();
  });

  it('does not offer a stop for a holder whose pid could not be read', () => {
    renderSteps(
      portTakenDiagnosis('linux', [holder({ pid: null, process: null, user: null, command: null })]),
    );
    expect(screen.queryByRole('button', { name: /^Stop/ })).not.toBeInTheDocument();
  });
});
