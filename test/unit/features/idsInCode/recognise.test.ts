// Recognising client ids in documents: the platform's form anywhere, known ids of any form in
// string values, device ids next to their type; in order, without overlaps; nothing past 1 MiB.
import * as assert from 'assert';
import { matchAt, MAX_DOCUMENT_CHARS, recogniseIds, type KnownIds } from '../../../../src/features/idsInCode/recognise';

function known(...ids: string[]): KnownIds {
  const set = new Set(ids);
  return { has: (id) => set.has(id), size: set.size };
}
const NONE = known();

const found = (text: string, k: KnownIds = NONE, orgId?: string) =>
  recogniseIds(text, { known: k, orgId }).map((m) => ({
    id: m.clientId,
    how: m.how,
    text: text.slice(m.start, m.end),
  }));

describe('features/idsInCode/recognise', () => {
  it('finds the four platform forms in source, JSON, YAML, .env and Markdown', () => {
    const text = [
      `const client = mqtt.connect(url, { clientId: 'd:org1x2:sensor:s-01' });`,
      `{"gateway": "g:org1x2:gw.type:gw_1", "app": "a:org1x2:backend"}`,
      'scalable: A:org1x2:worker:instance-3',
      'APP=A:org1x2:worker',
      '| `d:org1x2:valve:v-2` | connected |',
    ].join('\n');
    assert.deepStrictEqual(
      found(text).map((f) => f.id),
      [
        'd:org1x2:sensor:s-01',
        'g:org1x2:gw.type:gw_1',
        'a:org1x2:backend',
        'A:org1x2:worker:instance-3',
        'A:org1x2:worker',
        'd:org1x2:valve:v-2',
      ],
    );
    assert.ok(found(text).every((f) => f.how === 'form' && f.text === f.id));
  });

  it('leaves out what only looks alike: wrong part counts, a short org, ids inside longer tokens', () => {
    const text = [
      'd:org1x2:sensor', // a device needs four parts
      'a:org1x2:app:extra', // an application three
      'd:org:sensor:s-01', // an org has 6 characters
      'x:org1x2:sensor:s-01', // no such prefix
      'bad:org1x2:sensor:s-01', // the prefix is one letter
      'd:org1x2:sensor:s-01:more', // a fifth part
      'time 12:30:45, ratio a:b:c',
    ].join('\n');
    assert.deepStrictEqual(found(text), []);
  });

  it('finds known ids of any form in quoted and unquoted values, and only whole values', () => {
    const k = known('sensor-a', 'client/with spaces', 'é-client');
    const text = [
      `connect({ clientId: "sensor-a" })`,
      `id = 'client/with spaces'`,
      'client_id: é-client',
      `"sensor-a-2" and "prefix sensor-a"`,
      'sensor-a in prose is not a value',
    ].join('\n');
    assert.deepStrictEqual(found(text, k), [
      { id: 'sensor-a', how: 'known', text: 'sensor-a' },
      { id: 'client/with spaces', how: 'known', text: 'client/with spaces' },
      { id: 'é-client', how: 'known', text: 'é-client' },
    ]);
  });

  it('reads escapes in literals as the language does', () => {
    const k = known('quote"inside', 'tab\there');
    const text = `a = "quote\\"inside"; b = 'tab\\there'`;
    assert.deepStrictEqual(
      found(text, k).map((f) => f.id),
      ['quote"inside', 'tab\there'],
    );
  });

  it('finds a device id next to its type, with the org written nearby or the platform’s', () => {
    const yaml = ['identity:', '  orgId: org1x2', '  typeId: boiler', '  deviceId: boiler-1'].join('\n');
    assert.deepStrictEqual(found(yaml), [{ id: 'd:org1x2:boiler:boiler-1', how: 'pair', text: 'boiler-1' }]);
    const js = `const options = {\n  typeId: 'sensor',\n  deviceId: 's-07',\n};`;
    assert.deepStrictEqual(found(js, NONE, 'testor'), [{ id: 'd:testor:sensor:s-07', how: 'pair', text: 's-07' }]);
    const env = 'WIOTP_IDENTITY_ORGID=abc123\nWIOTP_IDENTITY_TYPEID=pump\nWIOTP_IDENTITY_DEVICEID=p-9\n';
    assert.deepStrictEqual(
      found(env).map((f) => f.id),
      ['d:abc123:pump:p-9'],
    );
    const py = 'client = Device(type_id="meter", device_id="m-1")';
    assert.deepStrictEqual(
      found(py, NONE, 'org1x2').map((f) => f.id),
      ['d:org1x2:meter:m-1'],
    );
    // No org anywhere: nothing to name.
    assert.deepStrictEqual(found(js), []);
    // A type ten lines away is not this device's.
    assert.deepStrictEqual(found(`typeId: 'far'\n${'\n'.repeat(10)}deviceId: 'd-1'`, NONE, 'org1x2'), []);
  });

  it('keeps matches in order, without overlaps, the form before a known id at one place', () => {
    const k = known('d:org1x2:sensor:s-01', 'sensor-a');
    const matches = recogniseIds(`x = "d:org1x2:sensor:s-01"; y = "sensor-a"`, { known: k });
    assert.deepStrictEqual(
      matches.map((m) => [m.how, m.clientId]),
      [
        ['form', 'd:org1x2:sensor:s-01'],
        ['known', 'sensor-a'],
      ],
    );
    for (let i = 1; i < matches.length; i++) assert.ok(matches[i].start >= matches[i - 1].end);
  });

  it('finds the id under an offset, its end included', () => {
    const text = 'a "d:org1x2:t:x" b "d:org1x2:t:y"';
    const matches = recogniseIds(text, { known: NONE });
    assert.strictEqual(matchAt(matches, text.indexOf('d:org1x2:t:y'))?.clientId, 'd:org1x2:t:y');
    assert.strictEqual(matchAt(matches, text.indexOf('t:x') + 3)?.clientId, 'd:org1x2:t:x');
    assert.strictEqual(matchAt(matches, 0), undefined);
    assert.strictEqual(matchAt(matches, text.indexOf(' b ') + 1), undefined);
  });

  it('reads nothing past 1 MiB', () => {
    const id = 'd:org1x2:t:x';
    const text = `"${id}"`.padEnd(MAX_DOCUMENT_CHARS + 1, ' ');
    assert.deepStrictEqual(recogniseIds(text, { known: NONE }), []);
    assert.strictEqual(recogniseIds(text.slice(0, MAX_DOCUMENT_CHARS), { known: NONE }).length, 1);
  });
});
