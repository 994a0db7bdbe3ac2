/** Every table, re-exported for drizzle-kit and the db client. One file per domain. */
export * from './users';
export * from './channels';
export * from './contacts';
export * from './conversations';
export * from './messages';
export * from './system';
export * from './templates';
export * from './routing';
export * from './realtime';
export * from './ai';
export * from './events';
export * from './plugins';
export * from './csat';
export * from './reports';
export * from './outbound-webhooks';
