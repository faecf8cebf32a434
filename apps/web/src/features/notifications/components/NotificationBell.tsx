import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkAllRead, useNotifications, useUnreadCount } from '../api/notifications';
import { NotificationList } from './NotificationList';

/** The header's bell: how many notifications are unread, and the latest ones. */
export function NotificationBell({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const unread = useUnreadCount();
  const latest = useNotifications(false, 10);
  const markAll = useMarkAllRead();
  const count = unread.data ?? 0;
  const items = latest.data?.pages.flatMap((page) => page.items) ?? [];
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');

  // The count sits around the popover, not inside its target: the target gives its child the
  // popup's ARIA attributes, which a button may carry and the indicator's wrapper may not.
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} color="red" offset={4}>
      <Popover
        opened={opened}
        onChange={(open) => (open ? undefined : close())}
        width={380}
        position="bottom-end"
        shadow="md"
        trapFocus
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            radius="xl"
            aria-label={label}
            onClick={toggle}
            data-testid="notification-bell"
          >
            <IconBell size={20} aria-hidden="true" />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0}>
          <Group justify="space-between" p="sm" wrap="nowrap">
            <Text fw={700}>{t('notifications.title')}</Text>
            <Button
              size="compact-sm"
              variant="subtle"
              disabled={count === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('notifications.markAllRead')}
            </Button>
          </Group>
          <ScrollArea.Autosize mah={420}>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed" p="sm">
                {latest.isPending ? t('notifications.loading') : t('notifications.empty')}
              </Text>
            ) : (
              <NotificationList items={items} onOpen={close} />
            )}
          </ScrollArea.Autosize>
          <Stack gap={4} p="sm">
            <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
              {t('notifications.seeAll')}
            </Anchor>
            {isAdmin ? (
              <Anchor component={Link} to="/operations" size="sm" onClick={close}>
                {t('notifications.operations.title')}
              </Anchor>
            ) : null}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
