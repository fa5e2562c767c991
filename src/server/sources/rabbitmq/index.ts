// The observed RabbitMQ (platform-contract.md §7): not built yet.

import type { ObservedSource, SourceContext } from '../observed/source';

export interface RabbitSourceOptions {
  managementUrl: string;
  amqpUrl: string;
  caFile?: string;
}

export function startRabbitSource(_ctx: SourceContext, _o: RabbitSourceOptions): Promise<ObservedSource> {
  return Promise.reject(new Error('observing RabbitMQ is not built yet'));
}
