import { screen } from '@testing-library/react';
import { RecentSessions } from '@/components/home/RecentSessions';
import { formatHourMinute } from '@/components/sessions/format-time';
import { fakeApi, renderWithProviders } from '../render';
import { absenceWindow } from '../../support/timing';

test('the home page lists recent sessions, newest first, each linking to its timeline', async () => {
  const api = fakeApi(() => ({
    body: {
      sessions: [
        {
          id: 'aaaaaa00-0000-4000-8000-000000000002',
          target: 'localhost:3000',
          createdAt: '2025-11-26T10:05:00.000Z',
          readOnly: false,
        },
        {
          id: 'bbbbbb00-0000-4000-8000-000000000001',
          target: '127.0.0.1:62893',
          createdAt: '2025-11-26T09:00:00.000Z',
          readOnly: true,
        },
      ],
    },
  }));
  renderWithProviders(<RecentSessions />);
  const links = await screen.findAllByRole('link', { name: /^Session / });
  expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
    ['Session aaaaaa', '/sessions/aaaaaa00-0000-4000-8000-000000000002'],
    ['Session bbbbbb', '/sessions/bbbbbb00-0000-4000-8000-000000000001'],
  ]);
  expect(links[1]!.closest('li')).toHaveTextContent(
    `127.0.0.1:62893 · imported ${formatHourMinute('2025-11-26T09:00:00.000Z')}`,
  );
  expect(String(api.mock.calls[0]![0])).toBe('/api/sessions?limit=8');
});

test('with no sessions yet, nothing is shown', async () => {
  const api = fakeApi(() => ({ body: { sessions: [] } }));
  const { container } = renderWithProviders(<RecentSessions />);
  await absenceWindow(200); // the fake answers at once: time enough for a list to render if one would
  expect(api).toHaveBeenCalled();
  expect(container).toBeEmptyDOMElement();
});
