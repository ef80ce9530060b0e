import type { Lab } from '../types';
import { brokenApp } from './broken-app';
import { crashedService } from './crashed-service';
import { exposedDevServer } from './exposed-dev-server';
import { firewallDrop, firewallReject } from './firewall-rule';
import { ipv6Only, wrongLoopback } from './listens-elsewhere';
import { movingPort } from './moving-port';
import { portConflict } from './port-conflict';
import { stuckService } from './stuck-service';
import { tlsAsHttp } from './tls-as-http';

/** Every lab, in the order /labs lists them: the causes a learner meets first come first. */
export const LABS: readonly Lab[] = [
  crashedService,
  ipv6Only,
  wrongLoopback,
  portConflict,
  stuckService,
  tlsAsHttp,
  brokenApp,
  movingPort,
  firewallDrop,
  firewallReject,
  exposedDevServer,
];

export function labById(id: string): Lab | null {
  return LABS.find((l) => l.id === id) ?? null;
}
