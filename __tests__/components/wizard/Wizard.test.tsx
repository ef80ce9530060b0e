import { screen, waitFor, within } from '@testing-library/react';
import { Wizard } from '@/components/wizard/Wizard';
import { httpOkDiagnosis, aliceListener, noListenerDiagnosis } from '../../fixtures/diagnoses';
import { connections, table } from '../../support/facts';
import { fakeApi, renderWithProviders } from '../render';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

describe('Wizard', () => {
  it('says what it is checking, then shows the verdict and the four steps, titled as promised', async () => {
    fakeApi((url) => {
      if (url.pathname === '/api/diagnose') return { body: httpOkDiagnosis() };
      if (url.pathname === '/api/listeners') return { body: table([aliceListener()]) };
      return { body: connections(3000) };
    });
    renderWithProviders(<Wizard input="localhost:3000" intent="reach" />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Checking localhost:3000…');
    expect(screen.getByText('Finding the process that listens on the port')).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: /localhost:3000 answers: 200/ }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Step 1: Start the service',
      'Step 2: Open the address',
      'Step 3: Monitor',
      'Step 4: Fix',
    ]);
  });

  it('turns an API refusal into plain sentences with what to try, and a form for another address', async () => {
    fakeApi(() => ({
      status: 400,
      body: { error: { code: 'invalid-target', message: '"local host" contains spaces.' } },
    }));
    renderWithProviders(<Wizard input="local host" intent="reach" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not diagnose “local host”');
    expect(alert).toHaveTextContent('"local host" contains spaces.');
    expect(alert).toHaveTextContent('Type a host and a port, for example 127.0.0.1:62893');
    expect(screen.getByRole('textbox', { name: 'Try another address' })).toHaveValue('local host');
  });

  it('turns green by itself when a service starts listening, without a reload', async () => {
    let up = false;
    const api = fakeApi((url) => {
      if (url.pathname === '/api/diagnose')
        return { body: up ? { ...httpOkDiagnosis() } : noListenerDiagnosis() };
      if (url.pathname === '/api/listeners')
        return { body: table(up ? [aliceListener({ port: 62893 })] : []) };
      return { body: connections(62893) };
    });
    renderWithProviders(<Wizard input="127.0.0.1:62893" intent="reach" />);
    expect(await screen.findByTestId('waiting')).toHaveTextContent('Waiting for your service on port 62893');
    await waitFor(() =>
      expect(api.mock.calls.some(([u]) => String(u).startsWith('/api/listeners?port=62893'))).toBe(true),
    );

    up = true;
    await waitFor(() => expect(screen.queryByTestId('waiting')).not.toBeInTheDocument(), { timeout: 5000 });
    const start = screen.getByRole('region', { name: /Start the service/ });
    expect(within(start).getByRole('img', { name: 'Start the service: OK' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('answers: 200');
  }, 20_000);
});
