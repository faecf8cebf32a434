import { Button, Table, Text } from '@mantine/core';
import { isRole } from '@hstf/domain';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../components/QueryStates';
import { Tag, type TagTone } from '../../../components/Tag';
import { useIntl } from '../../../lib/intl';
import type { DonorOption } from '../api/get-donor-options';
import type { UserAccount } from '../api/get-users';

const ROLE_TONES: Record<string, TagTone> = {
  admin: 'grape',
  staff: 'blue',
  reviewer: 'indigo',
  donor: 'teal',
};

interface UsersTableProps {
  users: UserAccount[];
  donors: DonorOption[];
  loading: boolean;
  refreshing: boolean;
  onEdit: (user: UserAccount) => void;
}

export function UsersTable({ users, donors, loading, refreshing, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table
        striped
        highlightOnHover
        aria-label={t('users.title')}
        aria-busy={loading || refreshing}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.table.name')}</Table.Th>
            <Table.Th scope="col">{t('users.table.email')}</Table.Th>
            <Table.Th scope="col">{t('users.table.role')}</Table.Th>
            <Table.Th scope="col">{t('users.table.status')}</Table.Th>
            <Table.Th scope="col">{t('users.table.lastSignIn')}</Table.Th>
            <Table.Th scope="col">{t('users.table.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={6} />
        ) : (
          <Table.Tbody>
            {users.map((user) => {
              const donor = user.donorId ? donors.find((item) => item.id === user.donorId) : null;
              return (
                <Table.Tr key={user.id}>
                  <Table.Th scope="row" fw={500}>
                    {user.name}
                  </Table.Th>
                  <Table.Td>
                    <Text span size="sm" dir="ltr">
                      {user.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tag tone={ROLE_TONES[user.role] ?? 'gray'}>
                      {isRole(user.role) ? t(`roles.${user.role}`) : user.role}
                    </Tag>
                    {donor ? (
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('users.table.donorOf', { donor: donor.name })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {user.active ? (
                      <Tag tone="teal">{t('users.table.active')}</Tag>
                    ) : (
                      <Tag tone="gray">{t('users.table.inactive')}</Tag>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {user.lastSignInAt ? dateTime(user.lastSignInAt) : t('users.table.never')}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      leftSection={<IconPencil size={16} aria-hidden="true" />}
                      onClick={() => onEdit(user)}
                      aria-label={t('users.table.editNamed', { name: user.name })}
                    >
                      {t('users.table.edit')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
