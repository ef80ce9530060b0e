import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { MonitorStep } from '@/components/wizard/MonitorStep';
import type { ChangeEvent } from '@/components/wizard/listener-changes';
import { runChecks } from '@/lib/diagnosis/run-checks';
import { aliceFacts, aliceListener, httpOkDiagnosis, httpOkScenario } from '../../fixtures/diagnoses';
import { connections, failed, table } from '../../support/facts';
import { livePort, renderWithProviders } from '../render';
import type { LiveSnapshot } from '@/components/data/queries';

const NOW = Date.parse('2025-11-26T10:00:00.000Z');

const snapshot: LiveSnapshot = {
  listeners: table([aliceListener()]),
  connections: {
    ...connections(3000, { ESTABLISHED: 2, TIME_WAIT: 14 }),
    sample: [
      {
        state: 'ESTABLISHED',
        localAddress: '127.0.0.1',
        localPort: 3000,
        remoteAddress: '127.0.0.1',
        remotePort: 51234,
      },
      {
        state: 'TIME_WAIT',
        localAddress: '127.0.0.1',
        localPort: 51200,
        remoteAddress: '127.0.0.1',
        remotePort: 3000,
      },
    ],
  },
  at: NOW,
};

const log: ChangeEvent[] = [
  { at: NOW, kind: 'restarted', text: '127.0.0.1:3000 has a new owner: pid 4242 → 4300 (node restarted).' },
  {
    at: NOW - 5000,
    kind: 'watching',
    text: 'Started watching: node (pid 4242, user alice) on 127.0.0.1:3000.',
  },
];

// The diagnosis could not read the connections (the snapshot did): the engine then has nothing to say on the
// Monitor step, whose mark shows the live state instead.
const unreadConnections = runChecks(
  aliceFacts(httpOkScenario(), { connections: failed('EACCES', 'TCP connections on the port') }),
);

function Harness() {
  const [paused, setPaused] = useState(false);
  return (
    <MonitorStep
      diagnosis={unreadConnections}
      live={livePort({ paused, setPaused, log }, snapshot)}
      now={NOW}
    />
  );
}

describe('MonitorStep', () => {
  it('shows the live owner, connections by state and what changed while the page was open', () => {
    renderWithProviders(<Harness />);
    const region = screen.getByRole('region', { name: /Monitor/ });
    expect(within(region).getByRole('img', { name: 'Monitor: Live' })).toBeInTheDocument();
    expect(within(region).getByText('node')).toBeInTheDocument();
    expect(within(region).getByText('50 MB memory')).toBeInTheDocument();
    const states = within(region).getByRole('list', { name: '16 connections by state' });
    expect(states).toHaveTextContent('ESTABLISHED 2');
    expect(states).toHaveTextContent('TIME_WAIT 14');
    expect(within(region).getByText('127.0.0.1:51234')).toBeInTheDocument();
    expect(within(region).getByText('Restarted')).toBeInTheDocument();
    expect(within(region).getByText(/pid 4242 → 4300/)).toBeInTheDocument();
    // Something listens: the live view polls at its settled pace (1.5 s is only for waiting on a start).
    expect(within(region).getByText(/every 4 s while this tab is visible/)).toBeInTheDocument();
  });

  it('pauses and resumes live updates from the keyboard', async () => {
    renderWithProviders(<Harness />);
    const user = userEvent.setup();
    await user.tab();
    const pause = screen.getByRole('button', { name: 'Pause live updates' });
    pause.focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Resume live updates' })).toBeInTheDocument();
    expect(screen.getByText('Paused.')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Monitor: Paused' })).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Pause live updates' })).toBeInTheDocument();
  });

  it('says when nothing listens and there are no connections', () => {
    const empty = { listeners: table([]), connections: connections(3000), at: NOW };
    renderWithProviders(<MonitorStep diagnosis={httpOkDiagnosis()} live={livePort({}, empty)} now={NOW} />);
    expect(screen.getByText('Nothing listens on port 3000 right now.')).toBeInTheDocument();
    expect(screen.getByText('No open or closing connections on port 3000 right now.')).toBeInTheDocument();
  });
});
