import { fireEvent, screen, within } from '@testing-library/react';
import { SessionTimeline } from '@/components/sessions/SessionTimeline';
import { formatHourMinute } from '@/components/sessions/format-time';
import type { SessionEntryView } from '@/lib/sessions/entries';
import { httpOkDiagnosis, noListenerDiagnosis } from '../../fixtures/diagnoses';
import { fakeApi, renderWithProviders } from '../render';

const ID = '3ab1be00-0000-4000-8000-000000000001';

function entries(): SessionEntryView[] {
  return [
    {
      kind: 'diagnosis',
      at: '2025-11-26T10:00:00.000Z',
      seq: 1,
      intent: 'reach',
      diagnosis: noListenerDiagnosis(),
    },
    { kind: 'note', at: '2025-11-26T10:01:00.000Z', seq: 2, text: 'they restarted the container' },
    {
      kind: 'diagnosis',
      at: '2025-11-26T10:02:00.000Z',
      seq: 3,
      intent: 'reach',
      diagnosis: httpOkDiagnosis(),
    },
  ];
}

function serve(readOnly: boolean, redactions: unknown = { redactions: [] }) {
  return fakeApi((url) => {
    if (url.pathname === `/api/sessions/${ID}`)
      return {
        body: {
          session: {
            id: ID,
            target: '127.0.0.1:62893',
            createdAt: '2025-11-26T10:00:00.000Z',
            readOnly,
            ...(readOnly ? { importedFrom: 'case.json' } : {}),
          },
          entries: entries(),
        },
      };
    if (url.pathname === `/api/sessions/${ID}/redactions`) return { body: redactions };
    return { status: 404, body: { error: { code: 'not-found', message: 'Not found.' } } };
  });
}

test('an imported session says where and when it was captured and offers no write controls', async () => {
  serve(true);
  renderWithProviders(<SessionTimeline id={ID} />);
  const label = await screen.findByTestId('imported');
  expect(label).toHaveTextContent(
    `captured on another machine at ${formatHourMinute(noListenerDiagnosis().facts.gatheredAt)} (Linux), imported from case.json`,
  );
  expect(screen.queryByRole('button', { name: 'Record' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Add note' })).not.toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Continue in the wizard' })).not.toBeInTheDocument();
  // The last captured diagnosis in the wizard's steps and finding cards, with nothing to act on here.
  const captured = screen.getByRole('region', { name: /The last diagnosis, captured at/ });
  const last = httpOkDiagnosis();
  expect(within(captured).getByTestId('captured-headline')).toHaveTextContent(last.summary.headline);
  for (const f of last.findings) expect(captured).toHaveTextContent(f.title);
  expect(within(captured).getByRole('region', { name: '2. Open the address' })).toBeInTheDocument();
  expect(within(captured).queryByRole('button', { name: /Stop/ })).not.toBeInTheDocument();
});

test('the timeline shows each entry with its change, and unticking a redaction adds keep= to every export link', async () => {
  serve(false, {
    redactions: [
      {
        id: 'r1',
        kind: 'secret',
        where: 'listener command',
        original: '--password hunter2',
        replacement: '--password [redacted]',
      },
      { id: 'r2', kind: 'home', where: 'listener command', original: '/home/alice', replacement: '~' },
    ],
  });
  renderWithProviders(<SessionTimeline id={ID} />);
  await screen.findByRole('heading', { name: 'Timeline' });
  expect(screen.getByRole('button', { name: 'Record' })).toBeInTheDocument();
  const diff = screen.getByTestId('diff');
  expect(diff).toHaveTextContent(/^no-listener → http-ok after you started “node server\.js --port 3000”/);
  expect(screen.getByText('they restarted the container')).toBeInTheDocument();

  const md = screen.getByRole('link', { name: 'Markdown' });
  expect(md).toHaveAttribute('href', `/api/sessions/${ID}/report?format=md`);
  const list = await screen.findByTestId('redactions');
  fireEvent.click(within(list).getAllByRole('checkbox')[1]!);
  await screen.findByRole('link', { name: 'Markdown' });
  expect(screen.getByRole('link', { name: 'Markdown' })).toHaveAttribute(
    'href',
    `/api/sessions/${ID}/report?format=md&keep=r2`,
  );
  expect(screen.getByRole('link', { name: 'HTML' })).toHaveAttribute(
    'href',
    `/api/sessions/${ID}/report?format=html&keep=r2`,
  );
});
