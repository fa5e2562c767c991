// An esbuild plugin for dist/extension.js only (the sandbox runs other paths of these packages):
// files of axios, mqtt.js and ws that the extension never runs, replaced by stubs that throw if
// they ever were. What the extension runs of them (the figures: bench/README.md, "Bundles"):
// - REST: one axios instance (src/platform/rest/http.ts) with `adapter: 'http'`, `proxy: false`,
//   `maxRedirects: 0`, JSON bodies, and its own agents (VS Code's proxy: src/platform/proxy).
// - MQTT: one mqtt.connect (src/platform/monitor/monitorClient.ts) with `protocolVersion: 4`,
//   over mqtt, mqtts, ws or wss, never with `messageIdProvider`, `socksProxy` or a browser transport.
// test/unit/scripts/bundleTrimExtension.test.ts bundles the platform layer's tests with this plugin
// and runs them (REST and MQTT over every transport, direct and through a real proxy, against the
// real sandbox): a stub that is reached fails them.
const fs = require('fs');
const path = require('path');

const never = (what, why) =>
  `() => { throw new Error(${JSON.stringify(`bundle-trim: ${what} is not in the extension bundle (${why})`)}); }`;
const throwingClass = (what, why) => `class { constructor() { (${never(what, why)})(); } }`;

const HTTP_ONLY = "the REST client sets adapter 'http'";
const NO_AXIOS_PROXY = 'the REST client sets proxy: false and brings its own proxy agents';
const JSON_ONLY = 'the REST client sends JSON only';
const NO_PROGRESS = 'the REST client sets no progress callbacks and no maxRate';
const NODE_ONLY = 'the extension host is Node, never a browser or a mini-program';

/** By file under node_modules: what replaces it, and why it is never run. */
const FILES = {
  // axios' browser adapters: getAdapter is never asked for them (adapter: 'http').
  'axios/lib/adapters/xhr.js': `export default ${never('axios xhr adapter', HTTP_ONLY)};`,
  'axios/lib/adapters/fetch.js': `export const getFetch = ${never('axios fetch adapter', HTTP_ONLY)};`,
  // axios' own proxy handling, skipped when the config's proxy is false.
  'axios/lib/helpers/shouldBypassProxy.js': `export default ${never('axios no_proxy rules', NO_AXIOS_PROXY)};`,
  // data: URLs (the base URL is the platform's http(s) URL), multipart and Blob bodies, HTTP/2
  // (httpVersion is never set; http.js makes the session pool at load, which stays empty).
  'axios/lib/helpers/fromDataURI.js': `export default ${never('axios data: URLs', 'requests go to http(s) URLs')};`,
  'axios/lib/helpers/estimateDataURLDecodedBytes.js': `export const estimateDataURLBufferAllocation = ${never(
    'axios data: URLs',
    'requests go to http(s) URLs',
  )};`,
  'axios/lib/helpers/formDataToStream.js': `export default ${never('axios multipart bodies', JSON_ONLY)};`,
  'axios/lib/helpers/Http2Sessions.js': `export default class { getSession() { (${never('axios HTTP/2', 'httpVersion is never set')})(); } }`,
  // Upload and download progress and rate limits (onUploadProgress, onDownloadProgress, maxRate are never set).
  'axios/lib/helpers/AxiosTransformStream.js': `export default ${throwingClass('axios progress streams', NO_PROGRESS)};`,
  'axios/lib/helpers/progressEventReducer.js': ['progressEventReducer', 'progressEventDecorator', 'asyncDecorator']
    .map((name) => `export const ${name} = ${never('axios progress events', NO_PROGRESS)};`)
    .join('\n'),
  // FormData to JSON (axios.formToJSON, FormData bodies): never asked for.
  'axios/lib/helpers/formDataToJSON.js': `export default ${never('axios FormData to JSON', JSON_ONLY)};`,
  // axios.CancelToken, the old way to cancel: the REST client passes an AbortSignal.
  'axios/lib/cancel/CancelToken.js': `export default ${throwingClass('axios.CancelToken', 'calls are cancelled with AbortSignal')};`,
  // axios.HttpStatusCode, a table of names that nothing here reads.
  'axios/lib/helpers/HttpStatusCode.js': `export default new Proxy({}, { get: ${never(
    'axios.HttpStatusCode',
    'nothing reads it',
  )} });`,
  // MQTT 3.1.1 has no topic aliases: mqtt.js makes this when a CONNACK offers them, and mqtt-packet
  // reads CONNACK properties only when the client speaks 5 (it brings lru-cache). The allocator
  // serves it and UniqueMessageIdProvider (the messageIdProvider option, never passed).
  'mqtt/build/lib/topic-alias-send.js': `exports.default = ${throwingClass('MQTT 5 topic aliases', 'protocolVersion 4')};`,
  'mqtt/build/lib/number-allocator.js': `exports.NumberAllocator = ${throwingClass(
    'mqtt.js number allocator',
    'no topic aliases, no UniqueMessageIdProvider',
  )};`,
  // MQTT 5 only: mqtt-packet refuses AUTH packets unless the client speaks 5, and topic aliases
  // for receiving are made only from the connect option properties.topicAliasMaximum (unset).
  'mqtt/build/lib/handlers/auth.js': `exports.default = ${never('MQTT 5 AUTH', 'protocolVersion 4')};`,
  'mqtt/build/lib/topic-alias-recv.js': `exports.default = ${throwingClass('MQTT 5 topic aliases', 'protocolVersion 4')};`,
  // mqtt.js' SOCKS wrapper (the socks package is out of both bundles already: scripts/bundle-trim.js).
  'mqtt/build/lib/connect/socks.js': `exports.default = ${never('SOCKS proxies', 'proxies: src/platform/proxy')};`,
  // mqtt.js' browser and mini-program transports, chosen only when is-browser says so.
  'mqtt/build/lib/connect/wx.js': `exports.default = ${never('mqtt.js wx transport', NODE_ONLY)};`,
  'mqtt/build/lib/connect/ali.js': `exports.default = ${never('mqtt.js ali transport', NODE_ONLY)};`,
  'mqtt/build/lib/BufferedDuplex.js':
    `exports.BufferedDuplex = ${throwingClass('mqtt.js browser WebSocket stream', NODE_ONLY)};\n` +
    `exports.writev = ${never('mqtt.js browser WebSocket stream', NODE_ONLY)};`,
  // mqtt.js reads its package.json for MQTTJS_VERSION only: the same version, without the rest.
  'mqtt/package.json': (file) =>
    `module.exports = ${JSON.stringify({ version: JSON.parse(fs.readFileSync(file, 'utf8')).version })};`,
  // ws' DOM-style events (ws.addEventListener, ws.onmessage = …): mqtt.js and ws' own stream use
  // ws.on(…); the prototype still gets the two methods, which throw if called.
  'ws/lib/event-target.js':
    `const t = ${never('ws DOM-style events', 'mqtt.js listens with ws.on')};\n` +
    `module.exports = { EventTarget: { addEventListener: t, removeEventListener: t } };`,
  // ws' server side: mqtt.js only opens client WebSockets.
  'ws/lib/websocket-server.js': `module.exports = ${throwingClass('ws WebSocketServer', 'the extension serves no WebSocket')};`,
  'ws/lib/subprotocol.js': `module.exports = { parse: ${never('ws server subprotocols', 'the extension serves no WebSocket')} };`,
};

/** Bare imports, by the package that makes them. */
const BARE = {
  axios: {
    // axios' own copy (v5) for its proxy option; the project's agents use v7 (src/platform/proxy).
    'https-proxy-agent': `export default ${throwingClass("axios' proxy tunnel", NO_AXIOS_PROXY)};`,
    'proxy-from-env': `export const getProxyForUrl = ${never("axios' environment proxy", NO_AXIOS_PROXY)};`,
  },
  // axios-retry's default retry condition, replaced by the REST client's own (retryPolicy.ts).
  'axios-retry': {
    'is-retry-allowed': `export default ${never("axios-retry's default condition", 'http.ts passes retryCondition')};`,
  },
  // mqtt.js copies a PUBLISH packet before storing it; the extension only subscribes.
  mqtt: { 'rfdc/default': `module.exports = ${never('mqtt.js publish copies', 'the extension never publishes')};` },
};

const basenames = Object.keys(FILES).map((f) => path.basename(f, '.js'));
const escape = (s) => s.replace(/[-/.]/g, '\\$&');
const filter = new RegExp(
  `(^|/)(${[...basenames, ...Object.values(BARE).flatMap(Object.keys)].map(escape).join('|')})(\\.js)?$`,
);

/** Packages whose tracing calls are marked pure; the calls: `debug(…)`, mqtt.js' `this.log(…)`, `client.log(…)`. */
const TRACED = /[\\/]node_modules[\\/](mqtt|mqtt-packet|https-proxy-agent|http-proxy-agent)[\\/].*\.js$/;
const TRACE_CALL = /(^|[^\w.$])(debug|this\.log|client\.log)\(/gm;

/** The key of the stub for this import (a file of FILES, or `package>bare` of BARE), if any. */
function stubFor(args) {
  const importer = args.importer.split(path.sep).join('/');
  if (!args.path.startsWith('.')) {
    const owner = Object.keys(BARE).find((p) => importer.includes(`/node_modules/${p}/`));
    return owner && BARE[owner][args.path] ? `${owner}>${args.path}` : undefined;
  }
  const full = path.resolve(args.resolveDir, args.path).split(path.sep).join('/');
  return Object.keys(FILES).find((f) => [full, `${full}.js`].some((p) => p.endsWith(`/node_modules/${f}`)));
}

function contentsOf(key, file) {
  const [owner, bare] = key.split('>');
  const contents = bare === undefined ? FILES[key] : BARE[owner][bare];
  const text = typeof contents === 'function' ? contents(file) : contents;
  // mqtt.js' own files are compiled ES modules, imported through __importDefault.
  return key.startsWith('mqtt/build/') ? `exports.__esModule = true;\n${text}` : text;
}

module.exports = {
  name: 'bundle-trim-extension',
  setup(build) {
    build.onResolve({ filter }, (args) => {
      const key = stubFor(args);
      if (key === undefined) return undefined;
      const file = path.resolve(args.resolveDir, args.path);
      return { path: key, namespace: 'bundle-trim-extension', pluginData: file };
    });
    // The DEBUG tracing calls of mqtt.js, mqtt-packet and the proxy agents go to the never-enabled
    // logger that scripts/bundle-trim.js puts in place of debug (the monitor passes no `log`
    // option to mqtt.js): marked pure, they leave the bundle with their message strings (esbuild
    // keeps any argument that has an effect).
    build.onLoad({ filter: TRACED }, async (args) => {
      const file = args.path.split(path.sep).join('/');
      if (/node_modules\/(@[^/]+\/)?[^/]+\/.*node_modules\//.test(file)) return undefined; // a nested package
      const text = await fs.promises.readFile(args.path, 'utf8');
      return { contents: text.replace(TRACE_CALL, '$1/* @__PURE__ */ $2('), loader: 'js' };
    });
    build.onLoad({ filter: /.*/, namespace: 'bundle-trim-extension' }, (args) => ({
      contents: contentsOf(args.path, args.pluginData),
      loader: 'js',
      resolveDir: __dirname,
    }));
  },
};
