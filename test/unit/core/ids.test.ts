// Client ids of any form (platform-contract.md §1, §7.2): where their log is kept, which monitor topic tells of them.
import * as assert from 'node:assert/strict';
import { clientTypeOfId, logAddressOf, MAX_TOPIC_BYTES, parseMonitorTopic, watchTopicOf } from '../../../src/core/ids';
import { LONGEST_CLIENT_ID, ODD_CLIENT_IDS } from '../../support/clientIds';
import { HOSTILE_STRINGS } from './hostile';

describe('core/ids: ids of any form', () => {
  it("keeps the platform's forms, and calls every other id `other`", () => {
    assert.equal(clientTypeOfId('d:org123:sensor:s-1'), 'device');
    assert.equal(clientTypeOfId('A:org123:dash:i-1'), 'application');
    for (const id of [...ODD_CLIENT_IDS, 'dave', 'd:org123:sensor', 'd:org123:sensor:a/b']) {
      assert.equal(clientTypeOfId(id), 'other', id);
    }
  });

  it('finds a log by type and device id, by client id for other ids, and none for applications', () => {
    assert.deepEqual(logAddressOf('g:org123:gw:g-1'), { typeId: 'gw', deviceId: 'g-1' });
    assert.equal(logAddressOf('a:org123:app'), undefined);
    assert.equal(logAddressOf(''), undefined);
    for (const id of [...ODD_CLIENT_IDS, LONGEST_CLIENT_ID]) assert.deepEqual(logAddressOf(id), { clientId: id });
  });

  it('watches every other id on its percent-encoded client topic, wildcards and separators inert', () => {
    assert.equal(watchTopicOf('d:org123:sensor:s-1'), 'iot-2/type/sensor/id/s-1/mon');
    assert.equal(watchTopicOf('a:org123:app'), 'iot-2/app/app/mon');
    assert.equal(watchTopicOf('sensor/kitchen/1'), 'iot-2/client/sensor%2Fkitchen%2F1/mon');
    assert.equal(watchTopicOf('plus+and#hash'), 'iot-2/client/plus%2Band%23hash/mon');
    assert.equal(watchTopicOf('100% sure'), 'iot-2/client/100%25%20sure/mon');
    for (const id of ODD_CLIENT_IDS) {
      const topic = watchTopicOf(id);
      assert.ok(topic !== undefined, id);
      assert.match(topic, /^iot-2\/client\/[^/+#]+\/mon$/);
      assert.deepEqual(parseMonitorTopic(topic), { kind: 'client', clientId: id });
    }
  });

  it('has no topic for an id that cannot be one: empty, a lone surrogate, or too long once encoded', () => {
    assert.equal(watchTopicOf(''), undefined);
    assert.equal(watchTopicOf('\ud800'), undefined);
    assert.equal(watchTopicOf(LONGEST_CLIENT_ID), undefined, '65,535 bytes of emoji: 196,605 characters encoded');
    const fits = 'x'.repeat(MAX_TOPIC_BYTES - 'iot-2/client//mon'.length);
    assert.equal(watchTopicOf(fits)?.length, MAX_TOPIC_BYTES);
    assert.equal(watchTopicOf(`${fits}x`), undefined);
    for (const s of HOSTILE_STRINGS) {
      const topic = watchTopicOf(s);
      if (topic !== undefined) assert.ok(topic.length <= MAX_TOPIC_BYTES && !/[+#]/.test(topic.slice(6, -4)));
    }
  });

  it('reads client topics back, `+` included, and refuses what cannot be decoded', () => {
    assert.deepEqual(parseMonitorTopic('iot-2/client/+/mon'), { kind: 'client', clientId: '+' });
    assert.equal(parseMonitorTopic('iot-2/client/%E0%A4%A/mon'), undefined);
    assert.equal(parseMonitorTopic('iot-2/client/a/b/mon'), undefined);
  });
});
