// The messages between the compatibility tests and their @wiotp/sdk child process (sdk.child.ts).

export interface SdkRequest {
  id: number;
  op:
    | 'deviceConnect'
    | 'devicePublish'
    | 'deviceDisconnect'
    | 'appConnect'
    | 'appSubscribeToDeviceStatus'
    | 'appDisconnect'
    | 'apiOpen'
    | 'apiCall';
  args: Record<string, unknown>;
}

export type SdkReply =
  { id: number; ok: true; value?: unknown } | { id: number; ok: false; error: string; status?: number; data?: unknown };

export type SdkEvent =
  | { event: 'deviceStatus'; typeId: string; deviceId: string; payload: string }
  | { event: 'error'; source: string; message: string };
