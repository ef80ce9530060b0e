import { screen, within } from '@testing-library/react';
import { OpenStep } from '@/components/wizard/OpenStep';
import type { Diagnosis } from '@/lib/diagnosis/types';
import { familyMismatchDiagnosis, httpOkDiagnosis, noListenerDiagnosis } from '../../fixtures/diagnoses';
import { renderWithProviders, isCommand } from '../render';

const rowFor = (address: string) => document.querySelector(`tr[data-address="${address}"]`) as HTMLElement;

describe('OpenStep', () => {
  it('shows each resolved address with its outcome and time, and the HTTP answer with a link to open it', () => {
    renderWithProviders(<OpenStep diagnosis={httpOkDiagnosis()} />);
    expect(screen.getByText(/resolved to/)).toHaveTextContent(
      'localhost resolved to 127.0.0.1 (IPv4), in this order.',
    );
    expect(rowFor('127.0.0.1')).toHaveTextContent('Accepted the connection');
    expect(rowFor('127.0.0.1')).toHaveTextContent('<1 ms');
    expect(screen.getByText('HTTP 200 OK')).toBeInTheDocument();
    expect(screen.getByText('My shop')).toBeInTheDocument();
    expect(screen.getByText('Express')).toBeInTheDocument();
    const open = screen.getByRole('link', { name: /Open in a new tab/ });
    expect(open).toHaveAttribute('href', 'http://localhost:3000/');
    expect(open).toHaveAttribute('target', '_blank');
  });

  it('lists the same checks as commands, per OS', () => {
    renderWithProviders(<OpenStep diagnosis={httpOkDiagnosis()} />);
    expect(screen.getByText(isCommand('curl -v http://localhost:3000/'))).toBeInTheDocument();
    expect(screen.getByText(isCommand('nc -vz localhost 3000'))).toBeInTheDocument();
    expect(screen.getByText(isCommand('telnet localhost 3000'))).toBeInTheDocument();
  });

  it('shows a refused address and no browser link when nothing answered', () => {
    renderWithProviders(<OpenStep diagnosis={noListenerDiagnosis()} />);
    expect(rowFor('127.0.0.1')).toHaveTextContent('Refused — nothing listens there');
    expect(rowFor('127.0.0.1')).toHaveTextContent('ECONNREFUSED');
    expect(screen.getByText(/is already an address/)).toHaveTextContent(
      '127.0.0.1 is already an address: nothing to look up.',
    );
    expect(
      screen.getByText('No address accepted the connection, so nothing could answer.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Open in a new tab/ })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: /Open the address/ })).getByRole('img', {
        name: 'Open the address: Problem',
      }),
    ).toBeInTheDocument();
  });

  it('names a non-HTTP protocol and the bytes it sent', () => {
    const d: Diagnosis = familyMismatchDiagnosis();
    if (d.facts.probes.status !== 'ok') throw new Error('fixture');
    d.facts.probes.value.application = {
      address: '127.0.0.1',
      port: 8080,
      kind: 'banner',
      protocol: 'SSH',
      banner: 'SSH-2.0-OpenSSH_9.2',
      http: null,
      tls: null,
      timeMs: 3,
    };
    renderWithProviders(<OpenStep diagnosis={d} />);
    expect(screen.getByText('Not HTTP: it speaks SSH')).toBeInTheDocument();
    expect(screen.getByText('SSH-2.0-OpenSSH_9.2')).toBeInTheDocument();
  });

  it('says plainly when the probe itself could not run', () => {
    const d = noListenerDiagnosis();
    d.facts.probes = {
      status: 'failed',
      error: 'timed out after 6500 ms',
      source: 'TCP connect to 1 address(es)',
      durationMs: 6500,
    };
    renderWithProviders(<OpenStep diagnosis={d} />);
    expect(
      screen.getByText('Could not read TCP connect to 1 address(es): timed out after 6500 ms'),
    ).toBeInTheDocument();
  });
});
