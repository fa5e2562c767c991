// An esbuild plugin that keeps out of the Node bundles what they never run, without losing a
// feature (the figures: bench/README.md, "Bundles"; the check: test/unit/scripts/bundleTrim.test.ts).
// - readable-stream and string_decoder: mqtt.js and mqtt-packet each carry a copy of their own
//   (a dev-only dependency hoists an old one); both are the streams of Node itself, which the
//   bundles get instead.
// - form-data (and mime-db through it): axios' multipart class; Node 20's own FormData takes its
//   place, which axios supports as well. The REST client sends only JSON.
// - follow-redirects: the REST client never follows a redirect (maxRedirects: 0), for which axios
//   uses Node's http and https themselves.
// - worker-timers: mqtt.js' timers for browsers; under Node it uses the native ones.
// - socks: mqtt.js' SOCKS proxy option, which nothing here sets (proxies: src/platform/proxy.ts).
// - debug (and supports-color, ms through it): the libraries' DEBUG=… tracing to stderr, which no
//   one reads in an extension host; the extension and the sandbox write their own logs. A logger
//   that is never enabled takes its place.
// - process-nextick-args and inherits: shims that, under Node, are process and util.inherits
//   themselves; the bundles get those directly.
const NODE_BUILTIN = { 'readable-stream': 'stream', string_decoder: 'string_decoder' };

const STUBS = {
  'process-nextick-args': 'module.exports = process;',
  inherits: "module.exports = require('util').inherits;",
  'form-data': 'module.exports = globalThis.FormData;',
  'follow-redirects': "module.exports = { http: require('http'), https: require('https') };",
  'worker-timers':
    'module.exports = { setInterval: (f, ms) => setInterval(f, ms), clearInterval: (id) => clearInterval(id) };',
  debug:
    'const off = () => { const log = () => {}; return Object.assign(log, { enabled: false, namespace: "", ' +
    'log, extend: off, destroy: () => true }); };\n' +
    'module.exports = Object.assign(off, { default: off, enable() {}, disable: () => "", enabled: () => false });',
  socks:
    "module.exports = { SocksClient: { createConnection() { throw new Error('SOCKS proxies are not supported'); } } };",
};

const names = [...Object.keys(NODE_BUILTIN), ...Object.keys(STUBS)];
const filter = new RegExp(`^(${names.map((n) => n.replace(/[-/]/g, '\\$&')).join('|')})$`);

module.exports = {
  name: 'bundle-trim',
  setup(build) {
    build.onResolve({ filter }, (args) =>
      NODE_BUILTIN[args.path]
        ? { path: NODE_BUILTIN[args.path], external: true }
        : { path: args.path, namespace: 'bundle-trim' },
    );
    build.onLoad({ filter: /.*/, namespace: 'bundle-trim' }, (args) => ({
      contents: STUBS[args.path],
      loader: 'js',
      resolveDir: __dirname,
    }));
  },
};
