// Topic rules (platform-contract.md §1, §4, §5) and the mapping between the device's short topics and the
// application's long ones. A device publishes `iot-2/evt/e/fmt/f`, which applications receive as
// `iot-2/type/t/id/d/evt/e/fmt/f`; an application's command `iot-2/type/t/id/d/cmd/c/fmt/f`
// reaches the device as `iot-2/cmd/c/fmt/f`. The broker keeps device subscriptions in the long
// form and rewrites deliveries back.

import { APP_SUBSCRIPTION_QUOTA, DEVICE_SUBSCRIPTION_QUOTA } from '../../../../core/limits';
import { isDeviceLike, type DeviceClientId, type ParsedClientId } from '../../../../core/ids';

const P = '[^/+#]+'; // one concrete level
const W = '(?:[^/+#]+|\\+)'; // one level or `+`

const deviceEvent = new RegExp(`^iot-2/evt/${P}/fmt/${P}$`);
const deviceCommandFilter = new RegExp(`^iot-2/cmd/(${W}/fmt/${W})$`);
const longEvent = new RegExp(`^iot-2/type/${P}/id/${P}/evt/${P}/fmt/${P}$`);
const longCommand = new RegExp(`^iot-2/type/${P}/id/${P}/cmd/${P}/fmt/${P}$`);
const longEventFilter = new RegExp(`^iot-2/type/${W}/id/${W}/evt/${W}/fmt/${W}$`);
const longCommandFilter = new RegExp(`^iot-2/type/${W}/id/${W}/cmd/${W}/fmt/${W}$`);
const deviceMonitorFilter = new RegExp(`^iot-2/type/${W}/id/${W}/mon$`);
const appMonitorFilter = new RegExp(`^iot-2/app/${W}/mon$`);

const ownPrefix = (id: DeviceClientId) => `iot-2/type/${id.typeId}/id/${id.deviceId}/`;

export function mayPublish(id: ParsedClientId, topic: string): boolean {
  if (isDeviceLike(id)) return deviceEvent.test(topic) || (id.kind === 'gateway' && longEvent.test(topic));
  return longCommand.test(topic) || longEvent.test(topic);
}

/** `filter` as the broker holds it: device command filters in their long form. */
export function maySubscribe(id: ParsedClientId, filter: string): boolean {
  if (isDeviceLike(id)) {
    if (id.kind === 'gateway' && longCommandFilter.test(filter)) return true;
    return filter.startsWith(ownPrefix(id)) && deviceCommandFilter.test(`iot-2/${filter.slice(ownPrefix(id).length)}`);
  }
  return (
    longEventFilter.test(filter) ||
    longCommandFilter.test(filter) ||
    deviceMonitorFilter.test(filter) ||
    appMonitorFilter.test(filter)
  );
}

export function subscriptionQuota(id: ParsedClientId): number {
  return isDeviceLike(id) ? DEVICE_SUBSCRIPTION_QUOTA : APP_SUBSCRIPTION_QUOTA;
}

/** A device's `iot-2/evt/…` as applications see it; other topics unchanged. */
export function publishedTopic(id: ParsedClientId, topic: string): string {
  return isDeviceLike(id) && deviceEvent.test(topic) ? ownPrefix(id) + topic.slice('iot-2/'.length) : topic;
}

/** A device's `iot-2/cmd/…` filter in the long form the broker holds; other filters unchanged. */
export function heldFilter(id: ParsedClientId, filter: string): string {
  return isDeviceLike(id) && deviceCommandFilter.test(filter) ? ownPrefix(id) + filter.slice('iot-2/'.length) : filter;
}

/** A delivery to a device of its own command, back in the short form it subscribed with. */
export function deliveredTopic(id: ParsedClientId, topic: string): string {
  if (!isDeviceLike(id) || !topic.startsWith(ownPrefix(id))) return topic;
  const rest = `iot-2/${topic.slice(ownPrefix(id).length)}`;
  return rest.startsWith('iot-2/cmd/') ? rest : topic;
}
