import { describeNow, diffListeners, listenerSignature } from '@/components/wizard/listener-changes';
import { aliceListener } from '../../fixtures/diagnoses';

describe('what changed on the port', () => {
  const node = aliceListener();

  it('reports a listener that appeared and one that vanished', () => {
    expect(diffListeners([], [node], 1).map((e) => [e.kind, e.text])).toEqual([
      ['appeared', 'node (pid 4242, user alice) started listening on 127.0.0.1:3000.'],
    ]);
    expect(diffListeners([node], [], 2).map((e) => [e.kind, e.text])).toEqual([
      ['vanished', 'node (pid 4242, user alice) stopped listening on 127.0.0.1:3000.'],
    ]);
  });

  it('calls a new pid on the same socket a restart', () => {
    const [e] = diffListeners([node], [aliceListener({ pid: 5000 })], 3);
    expect(e).toMatchObject({
      kind: 'restarted',
      text: '127.0.0.1:3000 has a new owner: pid 4242 → 5000 (node restarted).',
    });
  });

  it('says nothing when nothing changed', () => {
    expect(diffListeners([node], [aliceListener()], 4)).toEqual([]);
  });

  it('describes the starting point and tells two situations apart by signature', () => {
    expect(describeNow([], 3000, 0).text).toBe('Started watching: nothing listens on port 3000.');
    expect(listenerSignature([node], 3000)).not.toBe(
      listenerSignature([aliceListener({ address: '::1', family: 'IPv6' })], 3000),
    );
    expect(listenerSignature([node], 3000)).toBe(
      listenerSignature([aliceListener({ memoryBytes: 1 })], 3000),
    );
  });
});
