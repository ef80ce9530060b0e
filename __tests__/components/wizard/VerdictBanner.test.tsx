import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VerdictBanner } from '@/components/wizard/VerdictBanner';
import { familyMismatchDiagnosis, httpOkDiagnosis, noListenerDiagnosis } from '../../fixtures/diagnoses';
import { renderWithProviders, isCommand } from '../render';

describe('VerdictBanner', () => {
  it('shows the engine headline as the page heading, marked as a problem when nothing listens', () => {
    renderWithProviders(
      <VerdictBanner diagnosis={noListenerDiagnosis()} refreshing={false} onRecheck={() => {}} />,
    );
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Nothing is listening on port 62893: start your service');
    expect(screen.getByRole('img', { name: 'Problem' })).toBeInTheDocument();
    expect(screen.getByText('127.0.0.1:62893')).toBeInTheDocument();
  });

  it('offers the summary’s first fix with a copy button', () => {
    renderWithProviders(
      <VerdictBanner diagnosis={familyMismatchDiagnosis()} refreshing={false} onRecheck={() => {}} />,
    );
    expect(screen.getByText('First, try this')).toBeInTheDocument();
    expect(screen.getByText(isCommand('curl -v http://[::1]:8080/'))).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: /^copy\s*: use the address the server is on$/i }),
    ).toBeInTheDocument();
  });

  it('falls back to the cause’s fixes when the first fix is for another OS', () => {
    renderWithProviders(
      <VerdictBanner diagnosis={noListenerDiagnosis()} refreshing={false} onRecheck={() => {}} />,
      'win32',
    );
    // The summary's first fix is Linux-only (ss); on Windows the no-listener finding's first Windows-ready fix shows.
    expect(
      screen.queryByText((_, el) => el?.tagName === 'CODE' && /ss -ltnp/.test(el.textContent ?? '')),
    ).not.toBeInTheDocument();
    expect(screen.getByText(isCommand('python manage.py runserver 127.0.0.1:62893'))).toBeInTheDocument();
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
