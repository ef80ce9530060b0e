import { fireEvent, screen } from '@testing-library/react';
import { Wizard } from '@/components/wizard/Wizard';
import { httpOkDiagnosis, aliceListener } from '../../fixtures/diagnoses';
import { connections, table } from '../../support/facts';
import { fakeApi, renderWithProviders } from '../render';
import { absenceWindow } from '@/__tests__/support/timing';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn() }) }));

describe('a diagnosis another site sent the browser to', () => {
  it('shows the target as text and fetches nothing until the click, then diagnoses', async () => {
    const api = fakeApi((url) => {
      if (url.pathname === '/api/diagnose') return { body: httpOkDiagnosis() };
      if (url.pathname === '/api/listeners') return { body: table([aliceListener()]) };
      return { body: connections(3000) };
    });
    const target = 'localhost:3000/admin/<b>delete-all</b>?confirm=yes';
    renderWithProviders(<Wizard input={target} intent="reach" confirmFirst />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      `You were sent here from another site: diagnose ${target}?`,
    );
    expect(screen.getByTestId('foreign-target').childElementCount).toBe(0); // inert text, not markup
    await absenceWindow(300); // long enough for a query that started on its own to have fetched
    expect(api).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Diagnose this address' }));
    expect(await screen.findByRole('heading', { level: 1, name: /answers: 200/ })).toBeInTheDocument();
    expect(api.mock.calls.map(([u]) => new URL(String(u), 'http://x').pathname)).toContain('/api/diagnose');
  });
});
