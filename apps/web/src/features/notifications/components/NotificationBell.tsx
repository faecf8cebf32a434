import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../api/notifications';

const loadPopover = () => import('./NotificationPopover');
const NotificationPopover = lazy(() => loadPopover().then((m) => ({ default: m.NotificationPopover })));
const prefetchPopover = () => void loadPopover();

/**
 * The header's bell: how many notifications are unread, and the latest ones. The panel's popover
 * (floating-ui, about 20 KB gzip) is fetched once the reader reaches for the bell (pointer, focus)
 * rather than with every screen's first load, where it held back the first paint on a phone.
 */
export function NotificationBell({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  // Set by the first click only: the button is replaced by the popover's own once it is there, and
  // a replacement between a press and its release would lose the click.
  const [wanted, setWanted] = useState(false);
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');

  const bell = (
    <ActionIcon
      variant="default"
      size="lg"
      radius="xl"
      aria-label={label}
      aria-haspopup="dialog"
      aria-expanded={false}
      onPointerEnter={prefetchPopover}
      onFocus={prefetchPopover}
      onClick={() => {
        setWanted(true);
        setOpened(true);
      }}
      data-testid="notification-bell"
    >
      <IconBell size={20} aria-hidden="true" />
    </ActionIcon>
  );

  // The count sits around the popover, not inside its target: the target gives its child the
  // popup's ARIA attributes, which a button may carry and the indicator's wrapper may not.
  return (
    <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} color="red" offset={4}>
      {wanted ? (
        <Suspense fallback={bell}>
          <NotificationPopover
            isAdmin={isAdmin}
            label={label}
            count={count}
            opened={opened}
            onToggle={() => setOpened((open) => !open)}
            onClose={() => setOpened(false)}
          />
        </Suspense>
      ) : (
        bell
      )}
    </Indicator>
  );
}
