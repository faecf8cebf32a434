import { Button, Group, Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMailForward, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { useDonorOptions } from '../api/get-donor-options';
import { useUsers, type UserAccount } from '../api/get-users';
import { InviteUserModal } from '../components/InviteUserModal';
import { UserFilters } from '../components/UserFilters';
import { UserFormModal } from '../components/UserFormModal';
import { UsersTable } from '../components/UsersTable';
import { useUserFilters } from '../lib/filters';
import { notifySaved } from '../../../lib/notify';

/** /users (admin): the accounts, their roles and donor links; create, change, deactivate, reset passwords. */
export function UsersRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('users.title')} · ${t('app.name')}`);
  const { data: me } = useCurrentUser();
  const [filters, setFilters] = useUserFilters();
  const users = useUsers(filters);
  const donors = useDonorOptions();
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const [editing, setEditing] = useState<UserAccount | 'new' | null>(null);
  const [inviting, setInviting] = useState(false);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Group gap="sm">
            <Button
              leftSection={<IconMailForward size={18} aria-hidden="true" />}
              onClick={() => setInviting(true)}
            >
              {t('users.invite.open')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUserPlus size={18} aria-hidden="true" />}
              onClick={() => setEditing('new')}
            >
              {t('users.create')}
            </Button>
          </Group>
        }
      />
      <UserFilters filters={filters} onChange={setFilters} />
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {users.isError && !users.data ? (
          <ErrorResult title={t('users.error')} onRetry={() => void users.refetch()} />
        ) : !users.isPending && items.length === 0 ? (
          <EmptyResult title={t('users.empty')} body={t('common.emptyFiltersBody')} />
        ) : (
          <>
            <UsersTable
              users={items}
              donors={donors.data ?? []}
              loading={users.isPending}
              refreshing={users.isPlaceholderData}
              onEdit={(user) => setEditing(user)}
            />
            {!users.isPending ? (
              <ListFooter
                shown={items.length}
                hasMore={users.hasNextPage}
                loadingMore={users.isFetchingNextPage}
                onLoadMore={() => void users.fetchNextPage()}
              />
            ) : null}
          </>
        )}
      </Paper>
      <InviteUserModal
        opened={inviting}
        onClose={() => setInviting(false)}
        onInvited={(user) => {
          setInviting(false);
          notifySaved(t('users.invite.sent', { name: user.name, email: user.email }));
        }}
      />
      <UserFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        user={editing === 'new' ? null : editing}
        currentUserId={me?.id ?? null}
        onSaved={(user, created) => {
          setEditing(null);
          notifySaved(
            created ? t('users.created', { name: user.name }) : t('users.saved', { name: user.name }),
          );
        }}
      />
    </>
  );
}
