import { screen, within } from '@testing-library/react';
import { FixStep } from '@/components/wizard/FixStep';
import {
  exposedDiagnosis,
  familyMismatchDiagnosis,
  httpOkDiagnosis,
  noListenerDiagnosis,
} from '../../fixtures/diagnoses';
import { renderWithProviders, isCommand } from '../render';

const region = () => screen.getByRole('region', { name: /Fix/ });

describe('FixStep', () => {
  it('lists every error and warning, worst first, each with a copyable fix', () => {
    renderWithProviders(<FixStep diagnosis={familyMismatchDiagnosis()} />);
    const cards = within(region()).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-finding'))).toEqual(['family-mismatch', 'refused']);
    expect(within(cards[0]!).getByText(isCommand("curl -v 'http://[::1]:8080/'"))).toBeInTheDocument();
    // Found in step 1: its first fix here, the rest (the server's own command on 127.0.0.1) one link away.
    expect(
      within(cards[0]!).getByRole('link', { name: '1 more command in “Start the service”' }),
    ).toHaveAttribute('href', '#step-start');
    expect(within(region()).getByRole('img', { name: 'Fix: 2 to fix' })).toBeInTheDocument();
  });

  it('shows every fix of a finding that belongs to the Fix step itself', () => {
    renderWithProviders(<FixStep diagnosis={exposedDiagnosis()} />);
    const cards = within(region()).getAllByRole('article');
    expect(cards.map((c) => c.getAttribute('data-finding'))).toEqual(['wildcard-exposed']);
    // The listener is python3's http.server: its own command, bound to loopback, not a list of other stacks.
    expect(
      within(cards[0]!).getByText(isCommand('python3 -m http.server 8080 --bind 127.0.0.1')),
    ).toBeInTheDocument();
    expect(within(cards[0]!).queryByText(/flask run/)).not.toBeInTheDocument();
    expect(within(cards[0]!).queryByRole('link', { name: /more command/ })).not.toBeInTheDocument();
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
    expect(fine).toHaveTextContent('localhost:3000 answers: 200 “OK” — “My shop”');
  });
});
