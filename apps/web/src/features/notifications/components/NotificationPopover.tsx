import { ActionIcon, Anchor, Button, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMarkAllRead, useNotifications } from '../api/notifications';
import { NotificationList } from './NotificationList';

export interface NotificationPopoverProps {
  isAdmin: boolean;
  label: string;
  count: number;
  opened: boolean;
  onToggle: () => void;
  onClose: () => void;
}

/** The bell's panel: the latest notifications, in a popover (with floating-ui, loaded with it). */
export function NotificationPopover({
  isAdmin,
  label,
  count,
  opened,
  onToggle,
  onClose,
}: NotificationPopoverProps) {
  const { t } = useTranslation();
  const latest = useNotifications(false, 10);
  const markAll = useMarkAllRead();
  const items = latest.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Popover
      opened={opened}
      onChange={(open) => (open ? undefined : onClose())}
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
          onClick={onToggle}
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
            <NotificationList items={items} onOpen={onClose} />
          )}
        </ScrollArea.Autosize>
        <Stack gap={4} p="sm">
          <Anchor component={Link} to="/notifications" size="sm" onClick={onClose}>
            {t('notifications.seeAll')}
          </Anchor>
          {isAdmin ? (
            <Anchor component={Link} to="/operations" size="sm" onClick={onClose}>
              {t('notifications.operations.title')}
            </Anchor>
          ) : null}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
