import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TargetForm } from '@/components/home/TargetForm';

const push = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ push }) }));

beforeEach(() => push.mockClear());

describe('TargetForm', () => {
  it('goes to the diagnosis of what was typed when Enter is pressed, URL-encoded', async () => {
    render(
      <>
        <h1 id="q">What address are you trying to reach?</h1>
        <TargetForm labelledBy="q" />
      </>,
    );
    const box = screen.getByRole('textbox', { name: 'What address are you trying to reach?' });
    await userEvent.type(box, '  [[::1]:8080 {Enter}');
    expect(push).toHaveBeenCalledWith('/diagnose/%5B%3A%3A1%5D%3A8080');
  });

  it('asks for an address instead of submitting an empty one', async () => {
    render(<TargetForm heading="Address" />);
    await userEvent.click(screen.getByRole('button', { name: 'Diagnose' }));
    expect(push).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Type an address first');
    expect(screen.getByRole('textbox', { name: 'Address' })).toHaveAttribute('aria-invalid', 'true');
  });
});
