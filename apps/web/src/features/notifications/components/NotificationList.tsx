import { Box, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMarkRead, type Notification } from '../api/notifications';

interface NotificationListProps {
  items: Notification[];
  /** Called once a notification is opened (the bell closes its panel). */
  onOpen?: () => void;
}

/** Notifications newest first; opening one marks it read and goes to its record. */
export function NotificationList({ items, onOpen }: NotificationListProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const when = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

  const open = (notification: Notification) => {
    if (!notification.read) markRead.mutate(notification.id);
    onOpen?.();
    void navigate(notification.link);
  };

  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((notification) => (
        <Box component="li" key={notification.id} data-testid="notification">
          <UnstyledButton
            onClick={() => open(notification)}
            w="100%"
            p="sm"
            style={{
              borderBottom: '1px solid var(--mantine-color-default-border)',
              borderInlineStart: notification.read
                ? '3px solid transparent'
                : '3px solid var(--mantine-color-unBlue-6)',
            }}
          >
            <Text size="sm" fw={notification.read ? 400 : 700}>
              {notification.title}
              {notification.read ? null : <VisuallyHidden> ({t('notifications.unread')})</VisuallyHidden>}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {notification.body}
            </Text>
            <Text size="xs" c="dimmed">
              {when.format(new Date(notification.createdAt))}
            </Text>
          </UnstyledButton>
        </Box>
      ))}
    </Stack>
  );
}
