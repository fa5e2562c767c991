// VS Code's proxy settings as the platform layer takes them (platform/proxy): `http.proxy` (else
// the HTTPS_PROXY / HTTP_PROXY environment, with NO_PROXY, as VS Code itself does),
// `http.proxyStrictSSL`, `http.noProxy` and `http.proxyAuthorization`; `http.proxySupport: off`
// turns it all off. Never logged: the proxy URL may carry a password, the authorization does.
import * as vscode from 'vscode';
import type { ProxySettings } from '../platform/proxy/agents';

/** The settings whose change means new connections (platforms/service.ts). */
export const PROXY_SETTING_IDS = [
  'http.proxy',
  'http.proxyStrictSSL',
  'http.noProxy',
  'http.proxyAuthorization',
  'http.proxySupport',
] as const;

function fromEnv(...names: string[]): string | undefined {
  for (const name of names) {
    const value = process.env[name] ?? process.env[name.toLowerCase()];
    if (value?.trim()) return value.trim();
  }
  return undefined;
}

export function proxySettings(): ProxySettings | undefined {
  const http = vscode.workspace.getConfiguration('http');
  if (http.get<string>('proxySupport') === 'off') return undefined;
  const configured = http.get<string>('proxy')?.trim();
  const url = configured || fromEnv('HTTPS_PROXY', 'HTTP_PROXY');
  if (!url) return undefined;
  const envNoProxy = configured ? [] : (fromEnv('NO_PROXY')?.split(',') ?? []);
  return {
    url,
    strictSSL: http.get<boolean>('proxyStrictSSL') ?? true,
    noProxy: [...(http.get<string[]>('noProxy') ?? []), ...envNoProxy],
    authorization: http.get<string>('proxyAuthorization')?.trim() || undefined,
  };
}

export function onProxySettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (PROXY_SETTING_IDS.some((id) => e.affectsConfiguration(id))) listener();
  });
}
