// Which requests go around the proxy (no `vscode` import; unit-tested). The rules of VS Code's
// `http.noProxy` and of NO_PROXY: `*` (everything), `host` and `.host` / `*.host` (the host and
// its subdomains), `host:port`, an IPv4 prefix `10.0.0.0/8`. As in Chromium, loopback
// (localhost, *.localhost, 127.0.0.0/8, ::1) goes around the proxy unless `<-loopback>` is listed.
import { isIPv4 } from 'node:net';

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inPrefix(host: string, rule: string): boolean {
  const [base, bits] = rule.split('/');
  const n = Number(bits);
  if (!isIPv4(host) || !isIPv4(base) || !Number.isInteger(n) || n < 0 || n > 32) return false;
  const size = 2 ** (32 - n);
  return Math.floor(ipv4Number(host) / size) === Math.floor(ipv4Number(base) / size);
}

/** localhost, *.localhost, 127.0.0.0/8 or ::1 (a URL's hostname, IPv6 with or without brackets). */
export function isLoopback(host: string): boolean {
  if (host.startsWith('[') && host.endsWith(']')) return isLoopback(host.slice(1, -1));
  return (
    host === 'localhost' || host.endsWith('.localhost') || host === '::1' || (isIPv4(host) && host.startsWith('127.'))
  );
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' || protocol === 'wss:' || protocol === 'mqtts:' ? '443' : '80';
}

function matches(rule: string, host: string, port: string): boolean {
  if (rule === '*') return true;
  if (rule.includes('/')) return inPrefix(host, rule);
  let name = rule;
  let rulePort: string | undefined;
  const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(rule);
  if (m) [, name, rulePort] = m;
  if (rulePort !== undefined && rulePort !== port) return false;
  name = name.replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
  return host === name || host.endsWith(`.${name}`);
}

/** True when a request to `target` goes direct, by the rules in `noProxy`. */
export function bypassesProxy(target: string, noProxy: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return true;
  }
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || defaultPort(url.protocol);
  const rules = noProxy.map((r) => r.trim().toLowerCase()).filter((r) => r.length > 0);
  if (!rules.includes('<-loopback>') && isLoopback(host)) return true;
  return rules.filter((r) => r !== '<-loopback>').some((r) => matches(r, host, port));
}
