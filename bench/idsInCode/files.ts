// The documents the ids-in-code benchmarks read: device code in the shape people write it (a
// config object per device with its `clientId`, handlers, comments), with the given ids spread
// evenly over the given number of lines. No `vscode` import: the host and the UI benchmark share it.

const FILLER = [
  `  // Reconnect with backoff; the platform closes idle sessions after 1.5 keep-alives.`,
  `  if (!client.connected) return scheduleReconnect(attempt + 1);`,
  `  const payload = JSON.stringify({ d: { temperature: read(), at: Date.now() } });`,
  `  client.publish('iot-2/evt/status/fmt/json', payload, { qos: 1 });`,
  `  log.debug('published %d bytes', payload.length);`,
  `}`,
  ``,
  `function read() {`,
  `  return Math.round((20 + Math.sin(Date.now() / 60000) * 5) * 10) / 10;`,
];

/** `lines` lines of device code holding `ids` (one id per line that has one, evenly spread). */
export function deviceCode(ids: readonly string[], lines: number): string {
  const out: string[] = [];
  const every = Math.floor(lines / Math.max(1, ids.length));
  let next = 0;
  for (let line = 0; line < lines; line++) {
    if (ids.length > 0 && line % every === 1 && next < ids.length) {
      out.push(`const device${next} = { clientId: '${ids[next++]}', keepalive: 60 };`);
    } else out.push(FILLER[line % FILLER.length]);
  }
  return out.join('\n');
}

/** Device code of about `chars` characters (1 MB: 1,000,000) holding `ids` spread evenly. */
export function deviceCodeOfSize(ids: readonly string[], chars: number): string {
  const average = FILLER.reduce((n, l) => n + l.length + 1, 0) / FILLER.length;
  let lines = Math.round(chars / average);
  let text = deviceCode(ids, lines);
  // One correction: the id lines are longer than the filler they replace.
  lines = Math.round((lines * chars) / text.length);
  text = deviceCode(ids, lines);
  return text.length > chars ? text.slice(0, text.lastIndexOf('\n', chars)) : text;
}
