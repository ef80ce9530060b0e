import { screen, within } from '@testing-library/react';
import { FixStep } from '@/components/wizard/FixStep';
import { familyMismatchDiagnosis, httpOkDiagnosis, noListenerDiagnosis } from '../../fixtures/diagnoses';
import { renderWithProviders, isCommand } from '../render';

const region = () => screen.getByRole('region', { name: /Fix/ });

describe('FixStep', () => {
  it('lists every error and warning, worst first, each with a copyable fix', () => {
    renderWithProviders(<FixStep diagnosis={familyMismatchDiagnosis()} />);
    const cards = within(region()).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-finding'))).toEqual(['family-mismatch', 'wildcard-exposed']);
    expect(within(cards[0]!).getByText(isCommand('curl -v http://[::1]:8080/'))).toBeInTheDocument();
    // Found in step 1: its first fix here, the rest one link away.
    expect(
      within(cards[0]!).getByRole('link', { name: '1 more command in “Start the service”' }),
    ).toHaveAttribute('href', '#step-start');
    // The Fix step's own finding shows all its fixes.
    expect(within(cards[1]!).getByText(isCommand('--host 127.0.0.1 --port 8080'))).toBeInTheDocument();
    expect(within(region()).getByRole('img', { name: 'Fix: 2 to fix' })).toBeInTheDocument();
  });

  it('shows a long list of start commands only once, linking back to step 1', () => {
    renderWithProviders(<FixStep diagnosis={noListenerDiagnosis()} />);
    const card = within(region()).getAllByRole('article')[0]!;
    expect(within(card).getAllByRole('listitem').length).toBe(2);
    expect(
      within(card).getByRole('link', { name: /more commands in “Start the service”/ }),
    ).toBeInTheDocument();
  });

  it('lists what was checked and found fine when nothing needs fixing', () => {
    renderWithProviders(<FixStep diagnosis={httpOkDiagnosis()} />);
    expect(within(region()).getByText('Nothing to fix: no check found a problem.')).toBeInTheDocument();
    expect(within(region()).getByRole('img', { name: 'Fix: Nothing to fix' })).toBeInTheDocument();
    const fine = within(region()).getByRole('heading', { name: 'Checked and fine' }).parentElement!;
    expect(fine).toHaveTextContent('node (pid 4242) is listening on port 3000');
    expect(fine).not.toHaveTextContent('Listening: node');
    expect(fine).toHaveTextContent('HTTP 200 OK from 127.0.0.1:3000');
  });
});
