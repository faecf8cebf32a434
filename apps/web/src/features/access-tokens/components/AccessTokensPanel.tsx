import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { FormModalFooter } from '../../../components/FormModalFooter';
import { EmptyResult, ErrorResult, TableSkeleton } from '../../../components/QueryStates';
import { Tag } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import { notifySaved } from '../../../lib/notify';
import {
  useAccessTokens,
  useRevokeAccessToken,
  type AccessToken,
  type CreatedAccessToken,
} from '../api/access-tokens';
import { CreateAccessTokenModal } from './CreateAccessTokenModal';

/**
 * The user's personal access tokens: for scripts that call the API as them. A new token's secret
 * is shown here once, right after it is created; the list never has it.
 */
export function AccessTokensPanel() {
  const { t } = useTranslation();
  const { calendarDate, dateTime } = useIntl();
  const tokens = useAccessTokens();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedAccessToken | null>(null);
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const columns = useMemo<ColumnDef<AccessToken>[]>(
    () => [
      {
        id: 'name',
        header: t('accessTokens.columns.name'),
        accessorFn: (token) => token.name,
        meta: { rowHeader: true },
        cell: ({ row }) => <span dir="auto">{row.original.name}</span>,
      },
      {
        id: 'created',
        header: t('accessTokens.columns.created'),
        accessorFn: (token) => token.createdAt,
        cell: ({ row }) => dateTime(row.original.createdAt),
      },
      {
        id: 'lastUsed',
        header: t('accessTokens.columns.lastUsed'),
        // A token never used has no date: it goes last either way.
        accessorFn: (token) => token.lastUsedAt ?? undefined,
        cell: ({ row }) =>
          row.original.lastUsedAt ? dateTime(row.original.lastUsedAt) : t('accessTokens.neverUsed'),
      },
      {
        id: 'expires',
        header: t('accessTokens.columns.expires'),
        accessorFn: (token) => token.expiresOn ?? undefined,
        cell: ({ row: { original: token } }) =>
          token.expired ? (
            <Tag tone="red" size="sm">
              {t('accessTokens.expired', { date: calendarDate(token.expiresOn) })}
            </Tag>
          ) : token.expiresOn ? (
            calendarDate(token.expiresOn)
          ) : (
            t('accessTokens.noExpiry')
          ),
      },
      {
        id: 'actions',
        header: () => <VisuallyHidden>{t('accessTokens.columns.actions')}</VisuallyHidden>,
        meta: { label: t('accessTokens.columns.actions'), align: 'end' },
        cell: ({ row: { original: token } }) => (
          <Button
            variant="subtle"
            color="red.9"
            size="compact-sm"
            onClick={() => setRevoking(token)}
            aria-label={t('accessTokens.revokeNamed', { name: token.name })}
          >
            {t('accessTokens.revoke')}
          </Button>
        ),
      },
    ],
    [t, dateTime, calendarDate],
  );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="access-tokens-title">
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap">
        <Stack gap={4} maw={640}>
          <Title order={2} fz="lg" id="access-tokens-title">
            {t('accessTokens.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('accessTokens.description')}
          </Text>
        </Stack>
        <Button leftSection={<IconKey size={18} aria-hidden="true" />} onClick={openCreate}>
          {t('accessTokens.create')}
        </Button>
      </Group>

      {created ? (
        <Alert
          color="teal"
          variant="light"
          my="md"
          title={t('accessTokens.created.title', { name: created.name })}
          withCloseButton
          closeButtonLabel={t('accessTokens.created.done')}
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">{t('accessTokens.created.once')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code
                block
                dir="ltr"
                data-testid="new-access-token"
                style={{ wordBreak: 'break-all', flex: 1 }}
              >
                {created.token}
              </Code>
              <CopyButton value={created.token}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('accessTokens.created.copied') : t('accessTokens.created.copy')}>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      onClick={copy}
                      aria-label={t('accessTokens.created.copy')}
                    >
                      {copied ? (
                        <IconCheck size={18} aria-hidden="true" />
                      ) : (
                        <IconCopy size={18} aria-hidden="true" />
                      )}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Text size="sm">{t('accessTokens.created.usage')}</Text>
            <Code block dir="ltr">{`Authorization: Bearer ${created.token.slice(0, 13)}…`}</Code>
          </Stack>
        </Alert>
      ) : null}

      {tokens.isError && !tokens.data ? (
        <ErrorResult title={t('accessTokens.loadFailed')} onRetry={() => void tokens.refetch()} />
      ) : tokens.isPending ? (
        <Table aria-busy="true">
          <TableSkeleton columns={5} rows={2} />
        </Table>
      ) : tokens.data.length === 0 ? (
        <EmptyResult title={t('accessTokens.empty')} />
      ) : (
        <ListTable
          listId="access-tokens"
          columnChoice={false}
          label={t('accessTokens.title')}
          columns={columns}
          data={tokens.data}
          getRowId={(token) => token.id}
          clientSort={{ id: 'created', descending: true }}
          count={{ shown: tokens.data.length, hasMore: false }}
          minWidth={560}
          fz="sm"
        />
      )}

      <CreateAccessTokenModal
        opened={creating}
        onClose={closeCreate}
        onCreated={(token) => {
          closeCreate();
          setCreated(token);
          notifySaved(t('accessTokens.created.saved', { name: token.name }));
        }}
      />
      <RevokeAccessTokenModal token={revoking} onClose={() => setRevoking(null)} />
    </Paper>
  );
}

function RevokeAccessTokenModal({ token, onClose }: { token: AccessToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeAccessToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={t('accessTokens.revokeTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      {token ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            revoke.mutate(token.id, {
              onSuccess: () => {
                notifySaved(t('accessTokens.revoked', { name: token.name }));
                close();
              },
            });
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('accessTokens.revokeBody', { name: token.name })}</Text>
            <FormModalFooter
              failure={
                revoke.isError
                  ? { title: t('accessTokens.revokeFailed'), message: t('accessTokens.form.failedBody') }
                  : null
              }
              onCancel={close}
              submitLabel={t('accessTokens.revoke')}
              submitting={revoke.isPending}
              submitColor="red.9"
            />
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}
