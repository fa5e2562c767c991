// Whether a Mosquitto tells the server what it needs (platform-contract.md §7.2, docs/brokers-observed.md): its
// $SYS topics (an ACL that denies them still grants the SUBSCRIBE, then delivers nothing), and its log on
// $SYS/broker/log (only with `log_dest topic`). The log is checked with a probe: a connection of the server's own
// that connects and disconnects cleanly, whose connect line must come back. What is missing is said on the board,
// with the lines of mosquitto.conf or of the ACL file that fix it.

import type { SourceDiagnostic } from '../../../core/source';

export const SYS_DENIED = 'mosquitto.sysDenied';
export const LOG_NOT_PUBLISHED = 'mosquitto.logNotPublished';

/** How long the checks wait: $SYS/broker/version is retained, and a probe's line comes at once when it comes. */
export const CHECK_WAIT_MS = 3000;

export function sysDenied(user: string | undefined): SourceDiagnostic {
  const who = user === undefined ? 'anonymous clients' : `the user ${user}`;
  return {
    code: SYS_DENIED,
    message:
      `Mosquitto sends nothing on $SYS to ${who}: its ACL does not let the server read $SYS/#, so the server ` +
      'cannot see clients connect or disconnect. Let it read $SYS/# in the acl_file' +
      `${user === undefined ? ' (above any "user" line, for anonymous clients)' : ''} and restart Mosquitto.`,
    fix: [...(user === undefined ? [] : [`user ${user}`]), 'topic read $SYS/#'],
  };
}

export function logNotPublished(): SourceDiagnostic {
  return {
    code: LOG_NOT_PUBLISHED,
    message:
      'Mosquitto does not publish its log on $SYS/broker/log, so the server cannot see clients connect or ' +
      'disconnect. Add these lines to mosquitto.conf (connect lines are notices: keep notice in any log_type) and ' +
      'restart Mosquitto.',
    fix: ['log_dest topic', 'connection_messages true'],
  };
}
