// Shapes shared by the server, the console and the widget: the API and socket events.
export * from './errors.ts';
export * from './accounts.ts';
export * from './platform.ts';
export * from './public.ts';
export * from './attachments.ts';
export * from './conversations.ts';
export * from './knowledge.ts';
export * from './routing.ts';
export * from './analytics.ts';
export * from './assist.ts';
export * from './botTry.ts';
export * from './botSettings.ts';
export * from './feedback.ts';
