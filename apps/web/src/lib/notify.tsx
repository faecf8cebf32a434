import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { i18n } from '../i18n';

/** The confirmation that a write was saved: a toast that says what, in the reader's language. */
export function notifySaved(message: string): void {
  notifications.show({
    message,
    color: 'teal',
    icon: <IconCheck size={18} aria-hidden="true" />,
    autoClose: 5000,
    withBorder: true,
    // A confirmation is polite: it does not interrupt what a screen reader is saying.
    role: 'status',
    closeButtonProps: { 'aria-label': i18n.t('common.closeMessage') },
  });
}
