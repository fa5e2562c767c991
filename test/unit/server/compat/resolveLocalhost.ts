// Preloaded (`node --require`) into the @wiotp/sdk child process. This machine's resolver does not
// resolve names under `localhost` (RFC 6761 reserves them for loopback), and the SDK, given the
// domain `localhost`, connects to `{org}.messaging.localhost` and calls `{org}.localhost`. This
// stands in for that DNS answer and nothing else: those names resolve to 127.0.0.1, every other
// name goes to the real resolver.

// The module object itself (default import), so that the patch is what `net` calls.
import dns from 'node:dns';

type Callback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

const realLookup = dns.lookup;

function lookup(hostname: string, options: unknown, callback?: Callback): void {
  const cb = (typeof options === 'function' ? options : callback) as Callback;
  const o = (typeof options === 'object' && options !== null ? options : {}) as dns.LookupOptions;
  if (!/\.localhost\.?$/i.test(hostname)) return void (realLookup as (...args: unknown[]) => void)(hostname, o, cb);
  if (o.all) process.nextTick(cb, null, [{ address: '127.0.0.1', family: 4 }]);
  else process.nextTick(cb, null, '127.0.0.1', 4);
}

(dns as unknown as { lookup: unknown }).lookup = lookup;
