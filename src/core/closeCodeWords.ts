// Words for people about the platform's close codes (closeCodes.ts holds the facts) and the MQTT 5
// reason codes they map to, in the person's language (core/l10n.ts): what happened, and what in
// device code usually causes it. Looked up when needed, never at load: the language is set later.

import * as l10n from '@vscode/l10n';

/** [what happened, what in device code usually causes it]. */
const WORDS: Readonly<Record<number, () => readonly [string, string]>> = {
  0: () => [
    l10n.t('disconnected cleanly (MQTT DISCONNECT)'),
    l10n.t('The client called disconnect/end: an intended stop.'),
  ],
  91: () => [
    l10n.t('the socket closed without an MQTT DISCONNECT'),
    l10n.t('The process ended or crashed, the device rebooted, or the link dropped before a clean disconnect.'),
  ],
  92: () => [
    l10n.t('closed by the server'),
    l10n.t("The platform ended the session; check the platform status and the client's behaviour just before."),
  ],
  93: () => [
    l10n.t('the server shut down'),
    l10n.t('Planned maintenance or a restart of the platform: reconnect with backoff.'),
  ],
  94: () => [
    l10n.t('closed by an administrator'),
    l10n.t('Someone disconnected the client on purpose (admin action); the client should reconnect.'),
  ],
  104: () => [
    l10n.t('the server is at capacity'),
    l10n.t('Too many clients at once: spread reconnects with jittered backoff.'),
  ],
  105: () => [
    l10n.t('the client sent invalid data'),
    l10n.t(
      'A malformed MQTT packet: a buggy MQTT library, a corrupted buffer, or plain TCP data sent to the MQTT port.',
    ),
  ],
  154: () => [
    l10n.t('too many subscriptions'),
    l10n.t('The subscription quota was exceeded (50 per device, 500 per application): subscribe with wildcards.'),
  ],
  160: () => [
    l10n.t('keep-alive timed out'),
    l10n.t('No packet within 1.5 × keep-alive: a blocked loop, a breakpoint, or a dead link.'),
  ],
  164: () => [
    l10n.t('no data received on the connection'),
    l10n.t('The socket opened but no CONNECT arrived in time: a stalled TLS handshake or a half-open link.'),
  ],
  166: () => [
    l10n.t('the client id is not valid'),
    l10n.t(
      'The id must be d:org:type:device, g:…, a:org:app or A:…, with parts of [A-Za-z0-9._-], at most 36 characters.',
    ),
  ],
  169: () => [
    l10n.t('a client certificate is missing'),
    l10n.t("The organization requires client certificates: configure the device's certificate and key."),
  ],
  170: () => [
    l10n.t('the client certificate is not valid'),
    l10n.t('An expired, revoked or wrongly signed client certificate.'),
  ],
  173: () => [
    l10n.t('too many connections for the organization'),
    l10n.t("The organization's connection quota is reached: close idle clients."),
  ],
  176: () => [
    l10n.t('too many authorization attempts'),
    l10n.t('A reconnect loop without backoff: add exponential backoff to reconnects.'),
  ],
  180: () => [
    l10n.t('not authorized'),
    l10n.t(
      'A wrong token or API key, or a publish/subscribe on a topic this client may not use (devices: iot-2/evt ' +
        'and iot-2/cmd only).',
    ),
  ],
  276: () => [
    l10n.t('the topic is not valid'),
    l10n.t("A topic outside the platform's topic space, or a wildcard where none is allowed."),
  ],
  287: () => [
    l10n.t('a message was too large'),
    l10n.t('A payload over 128 KB (131072 bytes): split it or send a reference.'),
  ],
  288: () => [
    l10n.t('session taken over by a newer connection with the same client id'),
    l10n.t(
      'Two processes or devices share one client id, or a reconnect raced the old session; the newer one stays ' +
        'connected.',
    ),
  ],
};

/** Plain words for the tree, notifications and the timeline: "keep-alive timed out". */
export function closeExplanation(code: number): string | undefined {
  return WORDS[code]?.()[0];
}

/** What in device code usually causes a close code. */
export function closeHint(code: number): string | undefined {
  return WORDS[code]?.()[1];
}

const MQTT5: Readonly<Record<number, () => string>> = {
  0: () => l10n.t('normal disconnection'),
  128: () => l10n.t('unspecified error'),
  129: () => l10n.t('malformed packet'),
  133: () => l10n.t('client identifier not valid'),
  135: () => l10n.t('not authorized'),
  137: () => l10n.t('server busy'),
  139: () => l10n.t('server shutting down'),
  141: () => l10n.t('keep alive timeout'),
  142: () => l10n.t('session taken over'),
  144: () => l10n.t('topic name invalid'),
  149: () => l10n.t('packet too large'),
  151: () => l10n.t('quota exceeded'),
  152: () => l10n.t('administrative action'),
  159: () => l10n.t('connection rate exceeded'),
};

/** The MQTT 5 reason code's name (platform-contract.md §4.3), in words. */
export function mqtt5ReasonName(code: number): string {
  return MQTT5[code]?.() ?? l10n.t('reason code {0}', code);
}
