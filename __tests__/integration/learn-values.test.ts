// The /learn page reads this machine with the diagnosis' own gatherers: a *.localhost name the user came from
// is answered from what localhost means here, as the diagnosis answers it, and never sent to the resolver.
import { isLoopbackAddress } from '@/lib/net';
import { readLearnValues } from '@/lib/learn/live-values';

jest.setTimeout(20_000);

describe('the values /learn quotes', () => {
  it('answers api.localhost with the loopback addresses localhost has here', async () => {
    const values = await readLearnValues({ port: 62893, host: 'api.localhost' });
    expect(values.localhost.status).toBe('ok');
    expect(values.hostResolution).toMatchObject({ status: 'ok', value: { host: 'api.localhost' } });
    if (values.localhost.status !== 'ok' || values.hostResolution?.status !== 'ok') return;
    const loopbackOfLocalhost = values.localhost.value.addresses.map((a) => a.address);
    expect(loopbackOfLocalhost.length).toBeGreaterThan(0);
    expect(values.hostResolution.value.addresses.map((a) => a.address)).toEqual(loopbackOfLocalhost);
    expect(loopbackOfLocalhost.every(isLoopbackAddress)).toBe(true);
  });

  it('reads the port ranges and the listening sockets under the diagnosis sources', async () => {
    const values = await readLearnValues({ port: 62893, host: 'localhost' });
    expect(values.hostResolution).toBeNull();
    expect(values.portFacts).toMatchObject({ status: 'ok', source: 'port ranges', value: { port: 62893 } });
    expect(values.listeners).toMatchObject({ status: 'ok', source: 'listening sockets' });
  });
});
