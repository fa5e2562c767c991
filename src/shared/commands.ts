// Command ids of the extension (no `vscode` import: the package.json lint test reads them).
// Every id here is registered in activate; the palette-visible ones are contributed in package.json.

export const Command = {
  showLog: 'iotConnectivity.showLog',
  refresh: 'iotConnectivity.refresh',
  queryClients: 'iotConnectivity.queryClients',
  clearQuery: 'iotConnectivity.clearQuery',
  showClient: 'iotConnectivity.showClient',
  showDetails: 'iotConnectivity.showDetails',
  copyClientId: 'iotConnectivity.copyClientId',
  showTimeline: 'iotConnectivity.showTimeline',
  connectPlatform: 'iotConnectivity.connectPlatform',
  selectPlatform: 'iotConnectivity.selectPlatform',
  setCredentials: 'iotConnectivity.setCredentials',
  removePlatform: 'iotConnectivity.removePlatform',
  enableClientState: 'iotConnectivity.enableClientState',
  startLocalSandbox: 'iotConnectivity.startLocalSandbox',
  stopLocalSandbox: 'iotConnectivity.stopLocalSandbox',
  registerDevice: 'iotConnectivity.registerDevice',
  pinClient: 'iotConnectivity.pinClient',
  unpinClient: 'iotConnectivity.unpinClient',
  showPinned: 'iotConnectivity.showPinned',
  /** Internal: the "Load more…" leaf. */
  loadMore: 'iotConnectivity.loadMore',
} as const;
