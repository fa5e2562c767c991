// The Erlang term readers against the exact `variable_map` headers RabbitMQ 3.10.8's event exchange published for
// MQTT clients with ids beyond ASCII (captured from Debian's rabbitmq-server through amqplib, as the source reads
// them): ids whose UTF-8 bytes are all printable Latin-1 are quoted, and arrive already decoded; the others are byte
// lists.

import * as assert from 'node:assert/strict';
import { clientIdOfVariableMap, readBinary } from '../../../../../src/server/sources/rabbitmq/erlangText';

/** Header as received → the id the client connected with. */
const CAPTURED: readonly [string, string][] = [
  ['#{<<"client_id">> => <<"é">>}', 'é'],
  ['#{<<"client_id">> => <<"café">>}', 'café'],
  ['#{<<"client_id">> => <<"ÿ¡">>}', 'ÿ¡'],
  ['#{<<"client_id">> => <<"a é/b+c#d%e f">>}', 'a é/b+c#d%e f'],
  ['#{<<"client_id">> => <<"q \\"é\\" \\\\ ñ">>}', 'q "é" \\ ñ'],
  ['#{<<"client_id">> => <<"tab\\tü">>}', 'tab\tü'],
  ['#{<<"client_id">> => <<208,191,209,131,208,187,209,140,209,130>>}', 'пульт'],
  ['#{<<"client_id">> => <<240,159,154,128>>}', '🚀'],
  ['#{<<"client_id">> => <<101,109,111,106,105,45,240,159,154,128,45,195,169>>}', 'emoji-🚀-é'],
  ['#{<<"client_id">> => <<120,194,133,195,169>>}', 'x\u0085é'],
];

describe('server/sources/rabbitmq/erlangText', () => {
  it('reads the client id of every captured variable_map exactly, with no replacement character', () => {
    for (const [header, id] of CAPTURED) assert.equal(clientIdOfVariableMap(header), id, header);
  });

  it('takes quoted characters as text, never as bytes to decode again', () => {
    assert.equal(readBinary('<<"é">>')?.value, 'é');
    assert.equal(readBinary('<<"Ã©">>')?.value, 'Ã©', 'an id that is really "Ã©" stays so');
    assert.equal(readBinary('<<"пульт 🚀">>')?.value, 'пульт 🚀');
    assert.deepEqual(readBinary('x <<"é">> y', 2), { value: 'é', end: 9 });
  });

  it('decodes byte lists as UTF-8, and tells where the literal ends', () => {
    assert.deepEqual(readBinary('<<195,169>>'), { value: 'é', end: 11 });
    assert.equal(readBinary('<<208, 191>>')?.value, 'п');
    assert.equal(readBinary('<<1,2'), undefined);
    assert.equal(readBinary('<<a,b>>'), undefined);
  });
});
