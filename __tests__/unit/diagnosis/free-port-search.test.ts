import { freePortSearch } from '@/lib/diagnosis/facts-free-port';
import { candidateOrder, preferenceOrder } from '@/lib/host/free-port';

describe('where the one free port is looked for', () => {
  test('a normal user on privileged port 80 looks near 8080 and never below 1024', () => {
    const { near, lowest } = freePortSearch(80, true, false);
    const order = preferenceOrder(candidateOrder(near, 50, false, lowest), {}, near);
    expect(order[0]).toBe(8079); // 8080 and 8081 are popular dev ports
    expect(order.every((p) => p >= 1024)).toBe(true);
    expect(order).not.toContain(1024);
  });

  test('root may bind low ports, so it gets the nearest one', () => {
    const { near, lowest } = freePortSearch(80, true, true);
    expect(candidateOrder(near, 3, false, lowest)).toEqual([81, 79, 82]);
  });

  test('an unprivileged port keeps its own neighbourhood', () => {
    expect(freePortSearch(3000, false, false)).toEqual({ near: 3000, lowest: 1024 });
  });
});
