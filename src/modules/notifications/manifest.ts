import type { Job } from '../../platform/jobs/scheduler.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { notificationsApi } from './api.ts';
import { createMailer } from './mail.ts';
import { deliverPending } from './service.ts';

/** E-mails new notifications (when GONGKAI_SMTP_URL is set) every 5 minutes. */
export const mailJob: Job = {
  name: 'notifications.mail',
  everyMinutes: 5,
  async run(db, now, { config, log }) {
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, log });
    try {
      const r = await deliverPending(db, mailer, { now, publicUrl: config.publicUrl, log });
      if (r.sent + r.failed > 0) log.info(r, 'notification e-mail');
      return r;
    } finally {
      mailer.close();
    }
  },
};

/** 通知: in-app notifications for staff (e.g. 答复期限 reminders) and their e-mail delivery. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  api: notificationsApi,
  jobs: [mailJob],
};
