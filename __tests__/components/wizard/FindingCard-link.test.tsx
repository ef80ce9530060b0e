import { screen } from '@testing-library/react';
import { FindingCard } from '@/components/wizard/FindingCard';
import { movedPort } from '@/lib/diagnosis/checks/moved-port';
import { listener, makeFacts } from '@/__tests__/support/facts';
import { moved, portHistory, recorded, withHistory } from '@/__tests__/support/history-facts';
import { renderWithProviders } from '../render';

it('a moved-port finding links to the diagnosis of the address the server is on now', () => {
  const before = recorded('opened', 30, { port: 5173 });
  const facts = withHistory(
    makeFacts({ target: '127.0.0.1:5173' }),
    portHistory({ port: 5173, events: [before], moved: [moved(listener('127.0.0.1', 5174), before)] }),
  );
  const [finding] = movedPort.run(facts);
  renderWithProviders(<FindingCard finding={finding!} lessonTarget={{ host: '127.0.0.1', port: 5173 }} />);
  expect(screen.getByRole('heading', { name: 'Your server is on 127.0.0.1:5174 now' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Diagnose 127.0.0.1:5174' })).toHaveAttribute(
    'href',
    '/diagnose/127.0.0.1%3A5174',
  );
});
