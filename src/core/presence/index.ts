// The presence folder's public face: one client's state machine, the book of pinned clients,
// the storm coalescer, and their words.
export * from './presence';
export * from './book';
export * from './storm';
export * from './words';
