// What a message costs the extension host on its way to a webview: VS Code (1.57+) JSON-encodes
// it, typed arrays taken out and moved as binary buffers (extHostWebviewMessaging's
// serializeWebviewMessage). Measured the same way here, so the two encodings compare fairly.

export interface WireCost {
  /** Time to JSON-encode the message, buffers taken out (ms). */
  readonly jsonMs: number;
  /** Characters of JSON. */
  readonly jsonChars: number;
  /** Bytes moved as buffers. */
  readonly bufferBytes: number;
}

export function wireCost(message: object): WireCost {
  let bufferBytes = 0;
  const started = performance.now();
  const json = JSON.stringify(message, (_key, value: unknown) => {
    if (!ArrayBuffer.isView(value)) return value;
    bufferBytes += value.byteLength;
    return { $$vscode_array_buffer_reference$$: true };
  });
  return { jsonMs: performance.now() - started, jsonChars: json.length, bufferBytes };
}
