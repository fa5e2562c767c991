// The topic rules and topic mapping (platform-contract.md §1, §4), as pure functions.

import * as assert from 'node:assert/strict';
import { parseClientId, type ParsedClientId } from '../../../../../../src/core/ids';
import {
  deliveredTopic,
  heldFilter,
  mayPublish,
  maySubscribe,
  publishedTopic,
  subscriptionQuota,
} from '../../../../../../src/server/sources/sandbox/broker/rules';

const id = (raw: string): ParsedClientId => parseClientId(raw) as ParsedClientId;
const device = id('d:org1x2:sensor:s-01');
const gateway = id('g:org1x2:gw:g-01');
const app = id('a:org1x2:dash');

describe('sandbox broker rules: topics (platform-contract.md §1)', () => {
  it('lets a device publish events only, in its short form', () => {
    assert.ok(mayPublish(device, 'iot-2/evt/temp/fmt/json'));
    for (const topic of [
      'iot-2/cmd/x/fmt/json',
      'iot-2/type/sensor/id/s-01/evt/temp/fmt/json',
      'iot-2/evt/temp',
      'iot-2/evt/a/b/fmt/json',
      'other',
      'iot-2/evt//fmt/json',
    ]) {
      assert.ok(!mayPublish(device, topic), topic);
    }
  });

  it('lets a gateway publish its own events and those of devices behind it', () => {
    assert.ok(mayPublish(gateway, 'iot-2/evt/temp/fmt/json'));
    assert.ok(mayPublish(gateway, 'iot-2/type/sensor/id/behind/evt/temp/fmt/json'));
    assert.ok(!mayPublish(gateway, 'iot-2/type/sensor/id/behind/cmd/c/fmt/json'));
  });

  it('lets an application publish commands and events, never to monitor topics', () => {
    assert.ok(mayPublish(app, 'iot-2/type/sensor/id/s-01/cmd/reboot/fmt/json'));
    assert.ok(mayPublish(app, 'iot-2/type/sensor/id/s-01/evt/temp/fmt/json'));
    assert.ok(!mayPublish(app, 'iot-2/type/sensor/id/s-01/mon'));
    assert.ok(!mayPublish(app, 'iot-2/app/dash/mon'));
  });

  it('lets a device subscribe to its own commands only, with + for command and format', () => {
    for (const filter of ['iot-2/cmd/+/fmt/+', 'iot-2/cmd/reboot/fmt/json', 'iot-2/cmd/+/fmt/json']) {
      assert.ok(maySubscribe(device, heldFilter(device, filter)), filter);
    }
    for (const filter of [
      'iot-2/cmd/#',
      'iot-2/evt/+/fmt/+',
      'iot-2/type/+/id/+/mon',
      'iot-2/type/sensor/id/other/cmd/+/fmt/+',
      '#',
      'iot-2/cmd/+/fmt/+/x',
    ]) {
      assert.ok(!maySubscribe(device, heldFilter(device, filter)), filter);
    }
  });

  it('lets an application subscribe to events, commands and monitor topics with +, but not #', () => {
    for (const filter of [
      'iot-2/type/+/id/+/evt/+/fmt/+',
      'iot-2/type/sensor/id/s-01/cmd/+/fmt/json',
      'iot-2/type/+/id/+/mon',
      'iot-2/app/+/mon',
      'iot-2/app/dash/mon',
    ]) {
      assert.ok(maySubscribe(app, filter), filter);
    }
    for (const filter of ['#', 'iot-2/#', 'iot-2/type/+/id/+/evt/#', '$SYS/#', 'iot-2/evt/+/fmt/+']) {
      assert.ok(!maySubscribe(app, filter), filter);
    }
  });

  it('allows 50 subscriptions per device and 500 per application (platform-contract.md §5)', () => {
    assert.equal(subscriptionQuota(device), 50);
    assert.equal(subscriptionQuota(gateway), 50);
    assert.equal(subscriptionQuota(app), 500);
  });
});

describe('sandbox broker rules: topic mapping', () => {
  it("publishes a device event under the device's long topic", () => {
    assert.equal(publishedTopic(device, 'iot-2/evt/temp/fmt/json'), 'iot-2/type/sensor/id/s-01/evt/temp/fmt/json');
    assert.equal(
      publishedTopic(app, 'iot-2/type/sensor/id/s-01/evt/temp/fmt/json'),
      'iot-2/type/sensor/id/s-01/evt/temp/fmt/json',
    );
  });

  it("holds a device's command filter in its long form and delivers back in the short one", () => {
    assert.equal(heldFilter(device, 'iot-2/cmd/+/fmt/+'), 'iot-2/type/sensor/id/s-01/cmd/+/fmt/+');
    assert.equal(deliveredTopic(device, 'iot-2/type/sensor/id/s-01/cmd/reboot/fmt/json'), 'iot-2/cmd/reboot/fmt/json');
    assert.equal(
      deliveredTopic(app, 'iot-2/type/sensor/id/s-01/cmd/reboot/fmt/json'),
      'iot-2/type/sensor/id/s-01/cmd/reboot/fmt/json',
    );
    assert.equal(heldFilter(app, 'iot-2/cmd/+/fmt/+'), 'iot-2/cmd/+/fmt/+');
  });
});
