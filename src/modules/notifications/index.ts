/**
 * Public surface of the notifications module (通知). Other modules create notifications through
 * `createNotifications` (set-based, duplicates skipped); delivery by e-mail is this module's own job.
 */
export { createMailer, type Mailer, type MailMessage } from './mail.ts';
export { mailJob, notificationsModule } from './manifest.ts';
export { createNotifications, type DeliveryResult, deliverPending } from './service.ts';
export type { NewNotification, NotificationRow } from './store.ts';
