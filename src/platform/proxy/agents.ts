// The proxy of VS Code's settings (`http.proxy`, `http.proxyStrictSSL`, `http.noProxy`,
// `http.proxyAuthorization`; vscode/proxySettings.ts reads them) as Node agents, for the REST
// client (axios) and for MQTT over WebSocket. HTTPS and WebSocket go through a CONNECT tunnel:
// the proxy sees only the host and port, and the platform's credentials travel inside the TLS of
// the platform (or, for ws://, inside the tunnel). Plain HTTP is sent to the proxy with the
// absolute URL, the one way plain HTTP goes through a proxy.
import type * as http from 'node:http';
import { HttpProxyAgent } from 'http-proxy-agent';
import { HttpsProxyAgent } from 'https-proxy-agent';
import { bypassesProxy } from './bypass';

export interface ProxySettings {
  /** `http://[user:password@]host:port` or `https://…`; none: no proxy. */
  readonly url?: string;
  /** Whether certificates are checked on connections through the proxy. Default true. */
  readonly strictSSL?: boolean;
  readonly noProxy?: readonly string[];
  /** The value of a `Proxy-Authorization` header for the proxy. */
  readonly authorization?: string;
}

export interface TlsChoice {
  readonly ca?: string;
  readonly rejectUnauthorized: boolean;
}

/** The proxy a request to `target` goes through, or undefined when it goes direct. */
export function proxyFor(target: string, settings: ProxySettings | undefined): URL | undefined {
  if (!settings?.url) return undefined;
  let proxy: URL;
  try {
    proxy = new URL(settings.url.includes('://') ? settings.url : `http://${settings.url}`);
  } catch {
    throw new Error(`The proxy setting (http.proxy) is not a URL.`);
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new Error(`Only http:// and https:// proxies are supported (http.proxy is ${proxy.protocol}//…).`);
  }
  return bypassesProxy(target, settings.noProxy ?? []) ? undefined : proxy;
}

/** Certificates are checked through a proxy only when both the platform and http.proxyStrictSSL say so. */
export function tlsThrough(settings: ProxySettings | undefined, tls: TlsChoice): TlsChoice {
  return { ca: tls.ca, rejectUnauthorized: tls.rejectUnauthorized && settings?.strictSSL !== false };
}

/**
 * A CONNECT tunnel whose connection to the platform, inside it, checks the platform's certificate
 * with the platform's CA (https-proxy-agent takes those from each request's options, which axios
 * does not fill in); its own options are for the connection to an https:// proxy.
 */
type ConnectOpts = Parameters<HttpsProxyAgent<string>['connect']>[1];

class TunnelAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: URL,
    private readonly origin: TlsChoice,
    settings: ProxySettings,
  ) {
    super(proxy.href, {
      keepAlive: true,
      rejectUnauthorized: settings.strictSSL !== false,
      headers: headers(settings),
    });
  }

  override connect(req: http.ClientRequest, opts: ConnectOpts): ReturnType<HttpsProxyAgent<string>['connect']> {
    const { ca, rejectUnauthorized } = this.origin;
    return super.connect(req, { ...opts, ca, rejectUnauthorized } as ConnectOpts);
  }
}

function headers(settings: ProxySettings): Record<string, string> {
  return settings.authorization ? { 'Proxy-Authorization': settings.authorization } : {};
}

/**
 * The agent for requests to `target` through the proxy, or undefined when they go direct.
 * `tunnel`: always a CONNECT tunnel (WebSocket), else only for https targets.
 */
export function proxyAgent(
  target: string,
  settings: ProxySettings | undefined,
  tls: TlsChoice,
  tunnel = false,
): http.Agent | undefined {
  const proxy = proxyFor(target, settings);
  if (!proxy || !settings) return undefined;
  const secure = /^(https|wss):$/.test(new URL(target).protocol);
  if (secure || tunnel) return new TunnelAgent(proxy, tlsThrough(settings, tls), settings);
  return new HttpProxyAgent(proxy.href, {
    keepAlive: true,
    rejectUnauthorized: settings.strictSSL !== false,
    headers: headers(settings),
  });
}

/** mqtt.js' TLS options, and for ws:// and wss:// the proxy's CONNECT tunnel when the settings say so. */
export function mqttTransport(
  mqttUrl: string,
  settings: ProxySettings | undefined,
  tls: TlsChoice,
): TlsChoice & { wsOptions?: { agent: http.Agent } } {
  if (!/^wss?:/i.test(mqttUrl)) return tls;
  const agent = proxyAgent(mqttUrl, settings, tls, true);
  return agent ? { ...tlsThrough(settings, tls), wsOptions: { agent } } : tls;
}
