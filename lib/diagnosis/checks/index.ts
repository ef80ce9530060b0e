/**
 * Every check, in the order their findings are shown within a step. Adding a check = adding a file + a line;
 * the ids it declares become FindingIds, and their cause ranks order the summary.
 */
import type { Check } from '@/lib/diagnosis/check';
import { bindAddress } from './bind-address';
import { boundElsewhere } from './bound-elsewhere';
import { closed } from './closed';
import { connectionStates } from './connections';
import { containerHolder } from './container-holder';
import { ephemeralPort } from './ephemeral-port';
import { factUnavailable } from './fact-unavailable';
import { familyMismatch } from './family-mismatch';
import { firewallBlocks } from './firewall-blocks';
import { firewallUnreadable } from './firewall-unreadable';
import { httpError } from './http-error';
import { httpOk } from './http-ok';
import { listening } from './listening';
import { noListener } from './no-listener';
import { noResponse } from './no-response';
import { notHttp } from './not-http';
import { ownerHidden } from './owner-hidden';
import { portExcluded } from './port-excluded';
import { portFree } from './port-free';
import { portTaken } from './port-taken';
import { privilegedPort } from './privileged-port';
import { refused } from './refused';
import { reset } from './reset';
import { resolutionFailed } from './resolution-failed';
import { testCommands } from './test-commands';
import { timeWaitBuildup } from './time-wait-buildup';
import { timeout } from './timeout';
import { tlsExpected } from './tls-expected';
import { tlsNotOffered } from './tls-not-offered';
import { tlsUntrusted } from './tls-untrusted';
import { udpOnly } from './udp-only';
import { unlistedListener } from './unlisted-listener';
import { unreachable } from './unreachable';
import { connectError } from './connect-error';
import { splitListeners } from './split-listeners';
import { localhostNotLoopback } from './localhost-not-loopback';
import { wildcardExposed } from './wildcard-exposed';
import { wslForwarding } from './wsl';
import { movedPort } from './moved-port';
import { wasListening } from './was-listening';
import { restarted } from './restarted';
import { flapping } from './flapping';
import { historyUnavailable } from './history-unavailable';

export const CHECKS = [
  resolutionFailed,
  portExcluded,
  portTaken,
  containerHolder,
  wslForwarding,
  portFree,
  movedPort,
  wasListening,
  noListener,
  unlistedListener,
  listening,
  ownerHidden,
  familyMismatch,
  splitListeners,
  localhostNotLoopback,
  boundElsewhere,
  udpOnly,
  bindAddress,
  firewallBlocks,
  firewallUnreadable,
  timeout,
  reset,
  refused,
  unreachable,
  connectError,
  closed,
  noResponse,
  tlsNotOffered,
  tlsExpected,
  tlsUntrusted,
  httpError,
  notHttp,
  httpOk,
  testCommands,
  connectionStates,
  restarted,
  flapping,
  timeWaitBuildup,
  wildcardExposed,
  privilegedPort,
  ephemeralPort,
  factUnavailable,
  historyUnavailable,
];

type IdsOf<C> = C extends Check<infer Id> ? Id : never;

/** Every id a finding can have: the union of the ids the checks declare. */
export type FindingId = IdsOf<(typeof CHECKS)[number]>;
