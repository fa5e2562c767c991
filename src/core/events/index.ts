// The events folder's public face: types, the three readers, and merging.
export * from './types';
export { resolveClose } from './close';
export { readLogLine } from './logLine';
export { eventsFromLog } from './fromLog';
export { eventFromMonitor } from './fromMonitor';
export { eventsFromState } from './fromState';
export { mergeEvents } from './merge';
