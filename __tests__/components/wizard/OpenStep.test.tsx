import { screen, within } from '@testing-library/react';
import { OpenStep } from '@/components/wizard/OpenStep';
import { runChecks } from '@/lib/diagnosis/run-checks';
import type { Diagnosis, Facts } from '@/lib/diagnosis/types';
import {
  familyMismatchDiagnosis,
  httpOkDiagnosis,
  aliceListener,
  noListenerDiagnosis,
} from '../../fixtures/diagnoses';
import { table } from '../../support/facts';
import { renderWithProviders, isCommand } from '../render';
import { portFreeDiagnosis } from '../stop-fixtures';

const rowFor = (address: string) => document.querySelector(`tr[data-address="${address}"]`) as HTMLElement;
/** The accessible name of a row's status mark ("Problem", "Warning", "Nothing to report"). */
const markOf = (address: string) => within(rowFor(address)).getByRole('img').getAttribute('aria-label');

describe('OpenStep', () => {
  it('shows each resolved address with its outcome and time, and the HTTP answer with a link to open it', () => {
    renderWithProviders(<OpenStep diagnosis={httpOkDiagnosis()} />);
    expect(screen.getByText(/resolved to/)).toHaveTextContent(
      'localhost resolved to 127.0.0.1 (IPv4), in this order.',
    );
    expect(rowFor('127.0.0.1')).toHaveTextContent('Open');
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
    expect(rowFor('127.0.0.1')).toHaveTextContent('RefusedECONNREFUSED<1 ms');
    expect(markOf('127.0.0.1')).toBe('Problem');
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

  describe('each attempt: the fact only, coloured by the engine’s finding about that outcome', () => {
    /** 127.0.0.1:62893, refused, with these facts changed: the findings are the engine's own (runChecks). */
    function refusedWith(over: Partial<Facts>): Diagnosis {
      return runChecks({ ...noListenerDiagnosis().facts, ...over });
    }

    it('a refused connect while something listens (a firewall rejecting it): the engine’s error, no “nothing listens”', () => {
      const d = refusedWith({
        listeners: {
          ...noListenerDiagnosis().facts.listeners,
          value: table([aliceListener({ port: 62893 })]),
        },
      } as Partial<Facts>);
      const refused = d.findings.find((f) => f.id === 'refused');
      expect(refused?.severity).toBe('error');
      expect(refused?.detail).toContain('or a firewall rule rejects it');
      renderWithProviders(<OpenStep diagnosis={d} />);
      expect(rowFor('127.0.0.1')).toHaveTextContent('RefusedECONNREFUSED<1 ms');
      expect(rowFor('127.0.0.1')).not.toHaveTextContent(/nothing listens/i);
      expect(markOf('127.0.0.1')).toBe('Problem');
    });

    it('intent=start on a free port: refused is the expected state, the engine reports nothing, the row is neutral', () => {
      const d = portFreeDiagnosis();
      expect(d.facts.intent).toBe('start');
      expect(d.findings.some((f) => f.id === 'refused')).toBe(false);
      renderWithProviders(<OpenStep diagnosis={d} />);
      expect(rowFor('127.0.0.1')).toHaveTextContent('RefusedECONNREFUSED');
      expect(markOf('127.0.0.1')).toBe('Nothing to report');
      expect(screen.queryByRole('img', { name: 'Problem' })).not.toBeInTheDocument();
    });

    it('takes the engine’s severity: a warning when another address accepted', () => {
      const d = refusedWith({
        resolution: {
          status: 'ok',
          value: {
            host: 'localhost',
            addresses: [
              { address: '::1', family: 'IPv6' },
              { address: '127.0.0.1', family: 'IPv4' },
            ],
          },
          source: 'OS resolver (getaddrinfo)',
          durationMs: 1,
        },
        probes: {
          status: 'ok',
          value: {
            attempts: [
              {
                address: '::1',
                family: 'IPv6',
                port: 62893,
                outcome: 'timeout',
                timeMs: 1500,
                errorCode: 'ETIMEDOUT',
              },
              { address: '127.0.0.1', family: 'IPv4', port: 62893, outcome: 'open', timeMs: 0.2 },
            ],
            application: null,
          },
          source: 'TCP connect',
          durationMs: 1500,
        },
      });
      expect(d.findings.find((f) => f.id === 'timeout')?.severity).toBe('warning');
      renderWithProviders(<OpenStep diagnosis={d} />);
      expect(rowFor('::1')).toHaveTextContent('Timed outETIMEDOUT1.5 s');
      expect(markOf('::1')).toBe('Warning');
      // "Open" is a fact too; no finding is about it, so it is not coloured either way.
      expect(rowFor('127.0.0.1')).toHaveTextContent('Open');
      expect(markOf('127.0.0.1')).toBe('Nothing to report');
    });
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

  it('shows the certificate: the names it lists, who issued it, its validity and why the typed name fails', () => {
    const d: Diagnosis = httpOkDiagnosis();
    if (d.facts.probes.status !== 'ok' || !d.facts.probes.value.application) throw new Error('fixture');
    d.facts.probes.value.application.tls = {
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      subject: 'localhost',
      issuer: 'localhost',
      validFrom: '2026-12-01T00:00:00.000Z',
      validTo: '2026-12-02T00:00:00.000Z',
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      altNames: [],
      selfSigned: true,
      checkedHost: '127.0.0.1',
      nameMismatch: "IP: 127.0.0.1 is not in the cert's list: ",
    };
    renderWithProviders(<OpenStep diagnosis={d} />);
    expect(screen.getByText('none (no subjectAltName)')).toBeInTheDocument();
    expect(screen.getByText('Issued by').nextSibling).toHaveTextContent('localhost (itself: self-signed)');
    expect(screen.getByText('Valid from').nextSibling).toHaveTextContent('2026-12-01T00:00:00.000Z');
    expect(screen.getByText('Name check').nextSibling).toHaveTextContent(
      "IP: 127.0.0.1 is not in the cert's list",
    );
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
