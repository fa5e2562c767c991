import * as assert from 'assert';
import { marked } from 'marked';
import { deviceDocument, fenced, inlineCode } from '../../../../src/features/register/document';
import { connectionFacts } from '../../../../src/features/register/facts';
import { deviceSnippets } from '../../../../src/features/register/snippets';

const facts = (mqttUrl: string, token = 'Zq9-tok3n', caFile?: string) =>
  connectionFacts({ mqttUrl, caFile, clientId: 'd:sandbx:sensor:s-01', token });

/** The fenced blocks of a Markdown text: [language, code]. */
function blocks(markdown: string): [string, string][] {
  const found: [string, string][] = [];
  const re = /^(`{3,})(\w+)\n([\s\S]*?)\n\1$/gm;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) found.push([m[2], m[3]]);
  return found;
}

describe("register/document: the device's connection document", () => {
  it('lists every fact a device needs and says the token is shown once', () => {
    const doc = deviceDocument({ platformName: 'Local sandbox', facts: facts('mqtt://127.0.0.1:41883') });
    for (const expected of [
      '`mqtt://127.0.0.1:41883`',
      '`127.0.0.1`',
      'port: 41883',
      '`d:sandbx:sensor:s-01`',
      '`use-token-auth`',
      '`Zq9-tok3n`',
      'shown only now',
      'MQTT 3.1.1',
    ]) {
      assert.ok(doc.includes(expected), `missing ${expected}`);
    }
    assert.match(doc, /TLS: no/);
  });

  it('has one runnable block per language: mqtt.js, Paho for Python, Paho C', () => {
    const doc = deviceDocument({ platformName: 'p', facts: facts('mqtt://127.0.0.1:1883') });
    assert.deepStrictEqual(
      blocks(doc).map(([lang]) => lang),
      ['javascript', 'python', 'c'],
    );
    const [js, py, c] = blocks(doc).map(([, code]) => code);
    assert.match(js, /mqtt\.connect\("mqtt:\/\/127\.0\.0\.1:1883", \{/);
    assert.match(js, /password: "Zq9-tok3n"/);
    assert.match(js, /protocolVersion: 4/);
    assert.match(py, /client\.connect\("127\.0\.0\.1", 1883, keepalive=60\)/);
    assert.match(py, /username_pw_set\("use-token-auth", "Zq9-tok3n"\)/);
    assert.match(c, /MQTTClient_create\(&client, "tcp:\/\/127\.0\.0\.1:1883", "d:sandbx:sensor:s-01"/);
    assert.match(c, /MQTTVERSION_3_1_1/);
  });

  it('with TLS and a CA file, every snippet trusts that CA', () => {
    const [js, py, c] = deviceSnippets(facts('mqtts://127.0.0.1:8883', 't', '/data/ca.pem')).map((s) => s.code);
    assert.match(js, /ca: fs\.readFileSync\("\/data\/ca\.pem"\)/);
    assert.match(js, /"mqtts:\/\/127\.0\.0\.1:8883"/);
    assert.match(py, /tls_set\(ca_certs="\/data\/ca\.pem"\)/);
    assert.match(c, /"ssl:\/\/127\.0\.0\.1:8883"/);
    assert.match(c, /ssl\.trustStore = "\/data\/ca\.pem";/);
    assert.match(c, /opts\.ssl = &ssl;/);
  });

  it('over WebSocket, Python sets the transport and path and C keeps the ws:// URI', () => {
    const [js, py, c] = deviceSnippets(facts('ws://127.0.0.1:8083/mqtt')).map((s) => s.code);
    assert.match(js, /"ws:\/\/127\.0\.0\.1:8083\/mqtt"/);
    assert.match(py, /transport="websockets"/);
    assert.match(py, /ws_set_options\(path="\/mqtt"\)/);
    assert.match(c, /"ws:\/\/127\.0\.0\.1:8083\/mqtt"/);
  });

  it('a token full of backticks cannot close a code span or a fence early', () => {
    const doc = deviceDocument({ platformName: '<b>p</b>', facts: facts('mqtt://127.0.0.1:1883', 'a```b`c') });
    assert.strictEqual(blocks(doc).length, 3);
    assert.ok(doc.includes('````a```b`c````'));
    assert.strictEqual(inlineCode('`x'), '`` `x ``');
    assert.strictEqual(fenced('x ```` y', 'c'), '`````c\nx ```` y\n`````');
  });
  it('shows a hostile client id and platform name as text: the heading is escaped Markdown', () => {
    const hostile = '[x](command:workbench.action.terminal.new) <img src=x> _b_';
    const doc = deviceDocument({
      platformName: hostile,
      facts: connectionFacts({ mqttUrl: 'mqtt://127.0.0.1:1883', clientId: hostile, token: 't' }),
    });
    const head = marked.parse(doc.split('\n## ')[0], { async: false, gfm: true }) as string;
    const prose = head.replace(/<code>[\s\S]*?<\/code>/g, '');
    assert.doesNotMatch(prose, /<(a|img|em)\b/, prose);
    assert.match(prose, /<h1>Device \[x\]/, prose);
  });
  it('reads as written in the editor: an ordinary id in the heading has no backslashes', () => {
    const doc = deviceDocument({
      platformName: 'local-sandbox',
      facts: connectionFacts({ mqttUrl: 'mqtt://127.0.0.1:1883', clientId: 'd:org1:boiler:b-1.2', token: 't' }),
    });
    assert.strictEqual(doc.split('\n')[0], '# Device d:org1:boiler:b-1.2');
    assert.ok(doc.includes('Registered on local-sandbox.'), doc.split('\n')[2]);
  });
});
