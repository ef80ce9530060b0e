import { screen, within } from '@testing-library/react';
import { StartStep } from '@/components/wizard/StartStep';
import {
  httpOkDiagnosis,
  aliceListener,
  noListenerDiagnosis,
  familyMismatchDiagnosis,
} from '../../fixtures/diagnoses';
import { connections, table } from '../../support/facts';
import { livePort, renderWithProviders, isCommand } from '../render';

const NOW = Date.parse('2025-11-26T10:00:00.000Z');
const step = () => screen.getByRole('region', { name: /Start the service/ });

describe('StartStep', () => {
  it('waits, live, while nothing listens, and offers start commands bound to loopback with this port', () => {
    renderWithProviders(
      <StartStep
        diagnosis={noListenerDiagnosis()}
        live={livePort()}
        input="127.0.0.1:62893"
        intent="reach"
        now={NOW}
      />,
    );
    expect(within(step()).getByRole('heading', { level: 2 })).toHaveTextContent('Start the service');
    expect(within(step()).getByRole('img', { name: 'Start the service: Problem' })).toBeInTheDocument();
    const waiting = screen.getByTestId('waiting');
    expect(waiting).toHaveAttribute('aria-live', 'polite');
    expect(waiting).toHaveTextContent('Waiting for your service on port 62893');
    expect(waiting).toHaveTextContent('turns green by itself');
    for (const cmd of [
      'python manage.py runserver 127.0.0.1:62893',
      'flask run --host 127.0.0.1 --port 62893',
      'uvicorn main:app --host 127.0.0.1 --port 62893',
      'npx next dev --hostname 127.0.0.1 --port 62893',
      'npx vite --host 127.0.0.1 --port 62893 --strictPort',
      'python3 -m http.server 62893 --bind 127.0.0.1',
      'bin/rails server -b 127.0.0.1 -p 62893',
      'php -S 127.0.0.1:62893',
    ]) {
      expect(screen.getByText(isCommand(cmd))).toBeInTheDocument();
    }
    expect(screen.getByText('No socket is listening on port 62893, TCP or UDP.')).toBeInTheDocument();
  });

  it('says a listener appeared, and that it is being checked, as soon as the live view sees it', () => {
    const d = noListenerDiagnosis();
    const appeared = aliceListener({ port: 62893, pid: 777, process: 'python3' });
    const live = livePort(
      { diverged: true },
      { listeners: table([appeared]), connections: connections(62893), at: NOW },
    );
    renderWithProviders(
      <StartStep diagnosis={d} live={live} input="127.0.0.1:62893" intent="reach" now={NOW} />,
    );
    expect(screen.getByTestId('waiting')).toHaveTextContent(
      'Something started listening: python3 (pid 777, user alice) on 127.0.0.1:62893',
    );
    expect(screen.getByTestId('waiting')).toHaveTextContent('Checking it now');
  });

  it('names the owner — process, pid, user, command line, since when — and is OK when it listens', () => {
    renderWithProviders(
      <StartStep
        diagnosis={httpOkDiagnosis()}
        live={livePort()}
        input="localhost:3000"
        intent="reach"
        now={NOW}
      />,
    );
    expect(screen.queryByTestId('waiting')).not.toBeInTheDocument();
    expect(within(step()).getByRole('img', { name: 'Start the service: OK' })).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'node (pid 4242) is listening on port 3000' }),
    ).toBeInTheDocument();
    expect(screen.getByText('pid 4242')).toBeInTheDocument();
    expect(screen.getByText('user alice')).toBeInTheDocument();
    expect(screen.getAllByText('node server.js --port 3000').length).toBeGreaterThan(0);
    expect(screen.getByText(/running since .* \(3 min\)/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Check port 3000 for starting a service' })).toHaveAttribute(
      'href',
      '/diagnose/localhost%3A3000?intent=start',
    );
  });

  it('explains a server on ::1 when 127.0.0.1 was asked for, with both addresses and the fix', () => {
    renderWithProviders(
      <StartStep
        diagnosis={familyMismatchDiagnosis()}
        live={livePort()}
        input="127.0.0.1:8080"
        intent="reach"
        now={NOW}
      />,
    );
    const card = screen.getByRole('article', {
      name: 'The server listens on [::1]:8080 (IPv6) only, not on 127.0.0.1 (IPv4)',
    });
    expect(card).toHaveTextContent('IPv4 and IPv6 are separate');
    expect(within(card).getByText(isCommand("curl -v 'http://[::1]:8080/'"))).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'What’s happening?' })).toHaveAttribute(
      'href',
      '/learn?port=8080&host=127.0.0.1#loopback',
    );
    expect(screen.getByText('[::1]:8080')).toBeInTheDocument();
  });
});
