import * as assert from 'node:assert/strict';
import {
  ALL_APPS_MONITOR_TOPIC,
  ALL_CLIENTS_MONITOR_TOPIC,
  ALL_DEVICES_MONITOR_TOPIC,
  diffCover,
  planCover,
} from '../../../src/core/monitorCover';
import { HOSTILE_STRINGS } from './hostile';

const devices = (type: string, n: number) => Array.from({ length: n }, (_, i) => `d:org123:${type}:dev-${i}`);

describe('core/monitorCover', () => {
  it('subscribes one exact topic per client under the threshold', () => {
    const plan = planCover([
      'd:org123:sensor:s-2',
      'g:org123:gw:g-1',
      'a:org123:dash',
      'A:org123:dash:inst-1',
      'd:org123:sensor:s-1',
    ]);
    assert.equal(plan.strategy, 'exact');
    assert.deepEqual(plan.topics, [
      'iot-2/app/dash/mon',
      'iot-2/type/gw/id/g-1/mon',
      'iot-2/type/sensor/id/s-1/mon',
      'iot-2/type/sensor/id/s-2/mon',
    ]);
    assert.equal(plan.accepts('iot-2/type/sensor/id/s-1/mon'), true);
    assert.equal(plan.accepts('iot-2/type/sensor/id/s-3/mon'), false);
  });
  it('uses the exact topics up to the threshold, and type wildcards past it, biggest saving first', () => {
    const pins = [...devices('sensor', 6), ...devices('valve', 3), 'd:org123:pump:p-1'];
    assert.equal(planCover(pins, { threshold: 10 }).strategy, 'exact');
    const plan = planCover(pins, { threshold: 9 });
    assert.equal(plan.strategy, 'byType');
    assert.deepEqual(plan.topics, [
      'iot-2/type/pump/id/p-1/mon',
      'iot-2/type/sensor/id/+/mon',
      ...devices('valve', 3).map((d) => `iot-2/type/valve/id/${d.split(':')[3]}/mon`),
    ]);
    const tighter = planCover(pins, { threshold: 3 });
    assert.deepEqual(tighter.topics, [
      'iot-2/type/pump/id/p-1/mon',
      'iot-2/type/sensor/id/+/mon',
      'iot-2/type/valve/id/+/mon',
    ]);
    assert.equal(tighter.accepts('iot-2/type/sensor/id/dev-0/mon'), true);
    assert.equal(
      tighter.accepts('iot-2/type/sensor/id/stranger/mon'),
      false,
      'the wildcard brings strangers: filtered',
    );
  });
  it('covers everything with two wildcards when types alone do not fit', () => {
    const pins = [...Array.from({ length: 30 }, (_, i) => `d:org123:type-${i}:x`), 'a:org123:one', 'a:org123:two'];
    const plan = planCover(pins, { threshold: 10 });
    assert.equal(plan.strategy, 'all');
    assert.deepEqual(plan.topics, [ALL_APPS_MONITOR_TOPIC, ALL_DEVICES_MONITOR_TOPIC]);
    assert.equal(plan.accepts('iot-2/app/one/mon'), true);
    assert.equal(plan.accepts('iot-2/app/three/mon'), false);
    const oneApp = planCover([...Array.from({ length: 30 }, (_, i) => `d:org123:type-${i}:x`), 'a:org123:one'], {
      threshold: 10,
    });
    assert.deepEqual(oneApp.topics, ['iot-2/app/one/mon', ALL_DEVICES_MONITOR_TOPIC]);
  });
  it('stays within the quota of 500 subscriptions per application', () => {
    const pins = Array.from({ length: 2000 }, (_, i) => `d:org123:t${i % 700}:d${i}`);
    const plan = planCover(pins, { threshold: 10_000 });
    assert.ok(plan.topics.length <= 500);
    const small = planCover(devices('sensor', 40), { quota: 20, threshold: 30 });
    assert.deepEqual(small.topics, ['iot-2/type/sensor/id/+/mon']);
  });
  it('is deterministic whatever the order of the pins, and counts shared topics once', () => {
    const pins = [...devices('b', 3), ...devices('a', 3), 'A:org123:app:i1', 'A:org123:app:i2'];
    const one = planCover(pins, { threshold: 4 });
    const two = planCover([...pins].reverse(), { threshold: 4 });
    assert.deepEqual(one.topics, two.topics);
    assert.deepEqual(one.topics, ['iot-2/app/app/mon', 'iot-2/type/a/id/+/mon', 'iot-2/type/b/id/+/mon']);
  });
  it('watches any other id on its percent-encoded client topic (platform-contract.md §7.2), wildcards inert', () => {
    const plan = planCover([...HOSTILE_STRINGS, 'd:org123:sensor:+', 'd:org123:sensor:#', 'd:org123:sensor:ok']);
    for (const t of plan.topics) assert.match(t, /^iot-2\/(client\/[^/+#]+|type\/sensor\/id\/ok)\/mon$/);
    assert.ok(plan.topics.includes(`iot-2/client/${encodeURIComponent('d:org123:sensor:+')}/mon`));
    assert.ok(plan.topics.includes('iot-2/client/d%3Aorg123%3Asensor%3A%23/mon'));
    // Rejected: the empty id, a lone surrogate (no UTF-8 form), and three ids whose topic would pass 65,535 bytes.
    assert.equal(plan.rejected.length, 5);
    assert.equal(plan.topics.length, HOSTILE_STRINGS.length - 5 + 3);
    assert.equal(plan.accepts(`iot-2/client/${encodeURIComponent('plus+and#hash')}/mon`), false);
    assert.deepEqual(planCover([]).topics, []);
  });
  it('covers many other ids with one client wildcard, beside the devices and applications', () => {
    const others = Array.from({ length: 30 }, (_, i) => `kitchen/sensor ${i}`);
    const plan = planCover([...others, ...devices('sensor', 3), 'a:org123:one'], { threshold: 10 });
    assert.equal(plan.strategy, 'byType');
    assert.deepEqual(plan.topics, [
      'iot-2/app/one/mon',
      ALL_CLIENTS_MONITOR_TOPIC,
      ...devices('sensor', 3).map((d) => `iot-2/type/sensor/id/${d.split(':')[3]}/mon`),
    ]);
    assert.equal(plan.accepts(`iot-2/client/${encodeURIComponent('kitchen/sensor 7')}/mon`), true);
    assert.equal(plan.accepts(`iot-2/client/${encodeURIComponent('kitchen/sensor 99')}/mon`), false, 'a stranger');
    const all = planCover([...others, ...Array.from({ length: 30 }, (_, i) => `d:org123:t${i}:x`)], { threshold: 3 });
    assert.deepEqual(all.topics, [ALL_CLIENTS_MONITOR_TOPIC, ALL_DEVICES_MONITOR_TOPIC]);
  });
  it('gives the subscriptions to add and to remove between two plans', () => {
    const before = planCover(['d:org123:sensor:s-1', 'd:org123:sensor:s-2']);
    const after = planCover(['d:org123:sensor:s-2', 'd:org123:valve:v-1']);
    assert.deepEqual(diffCover(before, after), {
      subscribe: ['iot-2/type/valve/id/v-1/mon'],
      unsubscribe: ['iot-2/type/sensor/id/s-1/mon'],
    });
    assert.deepEqual(diffCover(undefined, before), { subscribe: before.topics, unsubscribe: [] });
    assert.deepEqual(diffCover(after, after), { subscribe: [], unsubscribe: [] });
    const grown = planCover(devices('sensor', 5), { threshold: 2 });
    assert.deepEqual(diffCover(before, grown), {
      subscribe: ['iot-2/type/sensor/id/+/mon'],
      unsubscribe: ['iot-2/type/sensor/id/s-1/mon', 'iot-2/type/sensor/id/s-2/mon'],
    });
  });
});
