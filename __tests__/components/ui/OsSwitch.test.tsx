import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CommandList } from '@/components/ui/CommandList';
import { OsSwitch } from '@/components/ui/OsSwitch';
import { testFixes, whoListensFixes } from '@/lib/diagnosis/commands';
import { renderWithProviders, isCommand } from '../render';

const fixes = [...testFixes('http://localhost:3000/', 'localhost', 3000), ...whoListensFixes(3000)];

function Page() {
  return (
    <>
      <OsSwitch hostOs="linux" />
      <CommandList fixes={fixes} />
    </>
  );
}

describe('OS switch', () => {
  it('starts on the host OS and shows its commands plus the ones that work everywhere', () => {
    renderWithProviders(<Page />, 'linux');
    expect(screen.getByRole('radio', { name: 'Linux (this machine)' })).toBeChecked();
    expect(screen.getByText(isCommand("ss -ltnp 'sport = :3000'"))).toBeInTheDocument();
    expect(screen.getByText(isCommand('curl -v http://localhost:3000/'))).toBeInTheDocument();
    expect(screen.getByText(isCommand('telnet localhost 3000'))).toBeInTheDocument();
    expect(
      screen.queryByText(
        (_, el) => el?.tagName === 'CODE' && /Test-NetConnection/.test(el.textContent ?? ''),
      ),
    ).not.toBeInTheDocument();
  });

  it('switches every command to Windows, by mouse or with the arrow keys', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Page />, 'linux');
    await user.click(screen.getByRole('radio', { name: 'Windows' }));
    expect(
      screen.getByText(isCommand('Test-NetConnection -ComputerName localhost -Port 3000')),
    ).toBeInTheDocument();
    expect(screen.getByText(isCommand('curl.exe -v http://localhost:3000/'))).toBeInTheDocument();
    expect(screen.queryByText(isCommand("ss -ltnp 'sport = :3000'"))).not.toBeInTheDocument();
    expect(screen.getByText(isCommand('telnet localhost 3000'))).toBeInTheDocument();

    screen.getByRole('radio', { name: 'Windows' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: 'macOS' })).toBeChecked();
    expect(screen.getByText(isCommand('lsof -nP -iTCP:3000 -sTCP:LISTEN'))).toBeInTheDocument();
  });

  it('says so when a fix has no command for the chosen OS', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <>
        <OsSwitch />
        <CommandList
          fixes={[
            {
              platform: 'linux',
              label: 'Read the range',
              command: 'cat /proc/sys/net/ipv4/ip_local_port_range',
              shell: 'posix',
            },
          ]}
        />
      </>,
      'linux',
    );
    await user.click(screen.getByRole('radio', { name: 'macOS' }));
    expect(screen.getByText(/No command for macOS here/)).toBeInTheDocument();
  });
});
