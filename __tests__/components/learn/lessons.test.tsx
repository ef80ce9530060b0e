import { screen } from '@testing-library/react';
import { LoopbackLesson } from '@/components/learn/lessons/LoopbackLesson';
import { BindAddressesLesson } from '@/components/learn/lessons/BindAddressesLesson';
import { PortRangesLesson } from '@/components/learn/lessons/PortRangesLesson';
import { lessonParams, type LearnValues } from '@/lib/learn/live-values';
import { aliceListener } from '../../fixtures/diagnoses';
import { failed, ok } from '../../support/facts';
import { renderWithProviders, isCommand } from '../render';

const sshd = aliceListener({ address: '0.0.0.0', port: 22, pid: 812, process: 'sshd', user: 'root' });
const node = aliceListener();

function values(over: Partial<LearnValues> = {}): LearnValues {
  return {
    platform: 'linux',
    port: 62893,
    host: 'localhost',
    portFacts: ok({
      port: 62893,
      ianaRange: 'dynamic',
      privileged: false,
      privilegedBelow: { port: 1024, source: '/proc/sys/net/ipv4/ip_unprivileged_port_start' },
      ephemeral: { low: 32768, high: 60999, source: '/proc/sys/net/ipv4/ip_local_port_range' },
      inEphemeralRange: false,
    }),
    localhost: ok({
      host: 'localhost',
      addresses: [
        { address: '::1', family: 'IPv6' },
        { address: '127.0.0.1', family: 'IPv4' },
      ],
    }),
    hostResolution: null,
    listeners: ok({
      tcp: [sshd, node],
      loopbackOnly: [node],
      everyInterface: [sshd],
      specificAddress: [],
      source: '/proc/net/tcp',
      warnings: [],
    }),
    readAt: '2025-11-26T10:00:00.000Z',
    ...over,
  };
}

describe('lessons with this machine’s values', () => {
  it('says whether the port is inside the ephemeral range read from this machine', () => {
    renderWithProviders(<PortRangesLesson values={values()} />);
    const live = screen.getByRole('complementary');
    expect(live).toHaveTextContent(
      'Your ephemeral range is 32768–60999 (from /proc/sys/net/ipv4/ip_local_port_range), so 62893 is outside it',
    );
    expect(live).toHaveTextContent('62893 is in the dynamic range (49152–65535)');
    expect(screen.getByText(isCommand('cat /proc/sys/net/ipv4/ip_local_port_range'))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /diagnose 127.0.0.1:62893/ })).toHaveAttribute(
      'href',
      '/diagnose/127.0.0.1%3A62893',
    );
  });

  it('shows how localhost resolves here, in order', () => {
    renderWithProviders(<LoopbackLesson values={values()} />);
    expect(screen.getByRole('complementary')).toHaveTextContent(
      'localhost resolves to ::1 (IPv6), then 127.0.0.1 (IPv4) — clients try them in this order.',
    );
  });

  it('names what is exposed to other machines right now', () => {
    renderWithProviders(<BindAddressesLesson values={values()} />);
    const live = screen.getByRole('complementary');
    expect(live).toHaveTextContent(
      'Listening sockets: 1 for this machine only (loopback), 1 on every interface.',
    );
    expect(live).toHaveTextContent('0.0.0.0:22 — sshd (pid 812, user root)');
  });

  it('says plainly when a value could not be read, and keeps the lesson', () => {
    renderWithProviders(<PortRangesLesson values={values({ portFacts: failed('EACCES') })} />);
    expect(screen.getByText('Could not read the port ranges on this machine: EACCES')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(
      'Well-known, registered and ephemeral ports',
    );
  });

  it('only takes a port and a loopback name from the URL', () => {
    expect(lessonParams('8080', 'api.localhost')).toEqual({ port: 8080, host: 'api.localhost' });
    expect(lessonParams('99999', 'example.com')).toEqual({ port: 62893, host: 'localhost' });
    expect(lessonParams(['1', '2'], undefined)).toEqual({ port: 62893, host: 'localhost' });
  });
});
