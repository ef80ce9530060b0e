import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VerdictBanner } from '@/components/wizard/VerdictBanner';
import { familyMismatchDiagnosis, httpOkDiagnosis, noListenerDiagnosis } from '../../fixtures/diagnoses';
import { renderWithProviders, isCommand } from '../render';
import { holder, portTakenDiagnosis } from '../stop-fixtures';

describe('VerdictBanner', () => {
  it('shows the engine headline as the page heading, marked as a problem when nothing listens', () => {
    renderWithProviders(
      <VerdictBanner diagnosis={noListenerDiagnosis()} refreshing={false} onRecheck={() => {}} />,
    );
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent(
      'Nothing is listening on port 62893. First: start your service on port 62893, bound to 127.0.0.1',
    );
    expect(screen.getByRole('img', { name: 'Problem' })).toBeInTheDocument();
    expect(screen.getByText('127.0.0.1:62893')).toBeInTheDocument();
  });

  it('offers the summary’s first fix with a copy button', () => {
    renderWithProviders(
      <VerdictBanner diagnosis={familyMismatchDiagnosis()} refreshing={false} onRecheck={() => {}} />,
    );
    expect(screen.getByText('First, try this')).toBeInTheDocument();
    expect(screen.getByText(isCommand("curl -v 'http://[::1]:8080/'"))).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^copy\s*: use the address the server is on$/i }),
    ).toBeInTheDocument();
  });

  it('falls back to the cause’s fixes when the first fix is for another OS', () => {
    // Read on Linux with no free port to offer: the summary's first fix is Linux's `kill 4242`.
    const linuxDiagnosis = portTakenDiagnosis('linux', [holder()], { freePort: null });
    expect(linuxDiagnosis.summary.firstFix).toMatchObject({ platform: 'linux', command: 'kill 4242' });
    renderWithProviders(
      <VerdictBanner diagnosis={linuxDiagnosis} refreshing={false} onRecheck={() => {}} />,
      'win32',
    );
    // On Windows the port-taken finding's Windows spelling of the same fix shows instead.
    expect(
      screen.queryByText((_, el) => el?.tagName === 'CODE' && el.textContent === 'kill 4242'),
    ).not.toBeInTheDocument();
    expect(screen.getByText(isCommand('taskkill /PID 4242'))).toBeInTheDocument();
  });

  it('is green and says when it was checked, with a working "Check again" button', async () => {
    const onRecheck = jest.fn();
    renderWithProviders(
      <VerdictBanner diagnosis={httpOkDiagnosis()} refreshing={false} onRecheck={onRecheck} />,
    );
    expect(screen.getByRole('img', { name: 'OK' })).toBeInTheDocument();
    expect(screen.getByText(/Checked at/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(onRecheck).toHaveBeenCalledTimes(1);
  });

  it('says what it is re-checking while a new diagnosis runs, and keeps the old one visible if it fails', () => {
    renderWithProviders(
      <VerdictBanner
        diagnosis={httpOkDiagnosis()}
        refreshing
        onRecheck={() => {}}
        staleBecause="The Localhost Doctor server did not answer."
      />,
    );
    expect(
      within(screen.getAllByRole('status')[0]!).getByText(/Re-checking localhost:3000/),
    ).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The last re-check failed (The Localhost Doctor server did not answer.)',
    );
    expect(screen.getByRole('button', { name: 'Check again' })).toBeDisabled();
  });
});
