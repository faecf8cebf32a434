import { Button, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { LANGUAGES as LANGUAGE_CODES, type DeliveryMode, type Language } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { notifySaved } from '../../../lib/notify';
import {
  useMarkAllRead,
  useNotifications,
  useNotificationSettings,
  useUpdateNotificationSettings,
} from '../api/notifications';
import { NotificationList } from '../components/NotificationList';

const MODES: DeliveryMode[] = ['immediate', 'digest', 'off'];
const LANGUAGE_NAMES: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** /notifications: every notification of mine, and how and in which language I receive them. */
export function NotificationsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notifications.title')} · ${t('app.name')}`);
  const list = useNotifications(false, 50);
  const markAll = useMarkAllRead();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button
            variant="default"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md">
          {list.isError && !list.data ? (
            <ErrorResult title={t('notifications.error')} onRetry={() => void list.refetch()} />
          ) : !list.isPending && items.length === 0 ? (
            <EmptyResult title={t('notifications.empty')} />
          ) : (
            <>
              <NotificationList items={items} />
              <ListFooter
                shown={items.length}
                hasMore={list.hasNextPage}
                loadingMore={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
              />
            </>
          )}
        </Paper>
        <NotificationSettingsPanel />
      </Stack>
    </>
  );
}

function NotificationSettingsPanel() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  const update = useUpdateNotificationSettings();
  if (settings.isError)
    return <ErrorResult title={t('notifications.settings.error')} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return null;
  const save = (change: Parameters<typeof update.mutate>[0]) =>
    update.mutate(change, { onSuccess: () => notifySaved(t('notifications.settings.saved')) });

  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} fz="lg" mb="xs">
        {t('notifications.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('notifications.settings.description')}
      </Text>
      <Select
        label={t('notifications.settings.language')}
        description={t('notifications.settings.languageHelp')}
        data={LANGUAGE_CODES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
        value={settings.data.language}
        allowDeselect={false}
        onChange={(value) => value && save({ language: value })}
        maw={320}
        mb="md"
      />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('notifications.settings.kind')}</Table.Th>
            <Table.Th>{t('notifications.settings.mode')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {settings.data.preferences.map((preference) => (
            <Table.Tr key={preference.kind}>
              <Table.Td id={`kind-${preference.kind}`}>
                {t(`notifications.kinds.${preference.kind}`)}
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  aria-labelledby={`kind-${preference.kind}`}
                  value={preference.mode}
                  onChange={(mode) => save({ preferences: [{ kind: preference.kind, mode: mode }] })}
                  data={MODES.map((mode) => ({ value: mode, label: t(`notifications.modes.${mode}`) }))}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
