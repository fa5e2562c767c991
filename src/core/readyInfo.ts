// The platform server's ready line: the one JSON line its CLI prints on stdout once it listens.
// Written by src/server, read by the extension and the scripts: one definition for both sides.

/** The one JSON line the CLI prints on stdout when the sandbox is ready. Absent listeners are null. */
export interface ReadyInfo {
  event: 'ready';
  org: string;
  apiUrl: string;
  mqttUrl: string;
  mqttsUrl: string | null;
  wsUrl: string;
  wssUrl: string | null;
  httpsUrl: string | null;
  apiKey: string;
  apiToken: string;
  caFile: string | null;
}
