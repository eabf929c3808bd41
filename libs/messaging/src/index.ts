export * from './bus';
export * from './envelope';
export * from './in-process-bus';
export * from './kafka-bus';
export * from './retry';
export * from './tracing';
