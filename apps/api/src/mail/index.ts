export { MailModule } from './mail.module';
export { MailService } from './mail.service';
export type { MailMessage } from './mail.service';
export { escapeHtml, htmlMail } from './mail-layout';
