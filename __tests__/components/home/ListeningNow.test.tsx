import { screen } from '@testing-library/react';
import { ListeningNow } from '@/components/home/ListeningNow';
import { listenerRows } from '@/components/home/listener-rows';
import { aliceListener } from '../../fixtures/diagnoses';
import { table } from '../../support/facts';
import { fakeApi, renderWithProviders } from '../render';

describe('listening right now', () => {
  it('links each listener to a diagnosis of the address that reaches it', () => {
    const rows = listenerRows([
      aliceListener({ address: '0.0.0.0', port: 8000, pid: 1, process: 'python3' }),
      aliceListener({ address: '::', family: 'IPv6', port: 8000, pid: 1, process: 'python3' }),
      aliceListener({ address: '::1', family: 'IPv6', port: 8080, pid: 2 }),
      aliceListener({ address: '192.168.1.5', port: 5432, pid: 3, process: 'postgres' }),
      aliceListener({ protocol: 'udp', address: '127.0.0.53', port: 53, pid: 4 }),
    ]);
    expect(rows.map((r) => [r.port, r.target, r.addresses.join(' ')])).toEqual([
      [5432, 'localhost:5432', '192.168.1.5'],
      [8000, '127.0.0.1:8000', '0.0.0.0 ::'],
      [8080, '[::1]:8080', '::1'],
    ]);
  });

  it('shows process, pid and address with a link per row, and what it could not see', async () => {
    fakeApi(() => ({
      body: {
        ...table([
          aliceListener(),
          aliceListener({ port: 22, pid: null, process: null, address: '0.0.0.0' }),
        ]),
        partial: true,
        warnings: ['1 socket whose owner could not be read: run with sudo to see it.'],
      },
    }));
    renderWithProviders(<ListeningNow />);
    expect(screen.getByRole('status')).toHaveTextContent('Reading the listening sockets on this machine');
    const link = await screen.findByRole('link', { name: 'Diagnose 127.0.0.1:3000' });
    expect(link).toHaveAttribute('href', '/diagnose/127.0.0.1%3A3000');
    expect(screen.getByText('node')).toBeInTheDocument();
    expect(screen.getByText('owner hidden')).toBeInTheDocument();
    expect(screen.getByText(/run with sudo/)).toBeInTheDocument();
  });
});
