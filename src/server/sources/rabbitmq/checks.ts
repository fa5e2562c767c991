// What an observed RabbitMQ must have for the server to follow its MQTT clients (platform-contract.md §7.2): the
// management API (plugin rabbitmq_management), the MQTT plugin, the event exchange (plugin
// rabbitmq_event_exchange) and the log exchange (log.exchange = true). Each one missing is said on the board with
// what enables it.

import type { SourceDiagnostic } from '../../../core/source';

export const MANAGEMENT_MISSING = 'rabbitmq.managementMissing';
export const MQTT_MISSING = 'rabbitmq.mqttPluginMissing';
export const EVENTS_MISSING = 'rabbitmq.eventExchangeMissing';
export const LOG_MISSING = 'rabbitmq.logExchangeMissing';

export function managementMissing(shown: string, why: string): SourceDiagnostic {
  return {
    code: MANAGEMENT_MISSING,
    message:
      `The management API at ${shown} does not answer (${why}): without it the server cannot list the connected ` +
      'clients, read a client id an event lacks, see the nodes, or close a client. Enable the plugin:',
    fix: ['rabbitmq-plugins enable rabbitmq_management'],
  };
}

export function mqttMissing(): SourceDiagnostic {
  return {
    code: MQTT_MISSING,
    message: 'RabbitMQ has no MQTT listener: no MQTT client can connect to it. Enable the plugin:',
    fix: ['rabbitmq-plugins enable rabbitmq_mqtt'],
  };
}

export function eventsMissing(): SourceDiagnostic {
  return {
    code: EVENTS_MISSING,
    message:
      'RabbitMQ has no amq.rabbitmq.event exchange: the server cannot see clients connect or disconnect as it ' +
      'happens. Enable the plugin:',
    fix: ['rabbitmq-plugins enable rabbitmq_event_exchange'],
  };
}

export function logMissing(): SourceDiagnostic {
  return {
    code: LOG_MISSING,
    message:
      'RabbitMQ does not publish its log on amq.rabbitmq.log: the server cannot tell why a client disconnected. ' +
      'Add this line to rabbitmq.conf and restart the node:',
    fix: ['log.exchange = true'],
  };
}
