// The events folder's public face: types, the three readers, and merging.
export * from './types';
export { resolveClose, FAILED_CONNECT_CODES, type CloseFacts } from './close';
export { readLogLine, type LogLineFact } from './logLine';
export { eventsFromLog } from './fromLog';
export { eventFromMonitor } from './fromMonitor';
export { eventsFromState } from './fromState';
export { mergeEvents, DEFAULT_MERGE_TOLERANCE_MS, type MergeOptions } from './merge';
