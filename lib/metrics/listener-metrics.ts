import { Gauge, type Registry } from 'prom-client';
import type { Listener } from '@/lib/host/listeners/types';

/**
 * localhost_doctor_listeners: listening sockets by port, address, family, process (and protocol, so a TCP and
 * a UDP socket on one port are two series). A socket whose owner is unreadable counts under process="".
 */
export function addListenerGauge(registry: Registry, listeners: readonly Listener[]): void {
  const gauge = new Gauge({
    name: 'localhost_doctor_listeners',
    help: 'Listening sockets on this machine, by port, address, family, process and protocol',
    labelNames: ['port', 'address', 'family', 'process', 'protocol'],
    registers: [registry],
  });
  for (const l of listeners)
    gauge.inc({
      port: String(l.port),
      address: l.address,
      family: l.family,
      process: l.process ?? '',
      protocol: l.protocol,
    });
}
