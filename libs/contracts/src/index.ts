export * from './reference/towns';
export * from './reference/departments';
export * from './reference/categories';
export * from './events';
export * from './location';
export * from './intake/events';
export * from './cases/events';
export * from './ids';
