import { Button, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag, type TagTone } from '../../../components/Tag';
import { useFormatters } from '../../../lib/format';
import type { Organization } from '../api/get-organizations';
import { isOrganizationKind, type OrganizationKind } from '../lib/filters';

const KIND_TONES: Record<OrganizationKind, TagTone> = {
  un_entity: 'blue',
  government: 'indigo',
  ngo: 'teal',
  regional_body: 'grape',
  other: 'gray',
};

interface OrganizationsTableProps {
  organizations: Organization[];
  loading: boolean;
  refreshing?: boolean;
  count?: { shown: number; hasMore: boolean };
  /** For those who may change organizations: a contact column and an edit button on each row. */
  onEdit?: (organization: Organization) => void;
}

export function OrganizationsTable({
  organizations,
  loading,
  refreshing = false,
  count,
  onEdit,
}: OrganizationsTableProps) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const columns = useMemo<ColumnDef<Organization>[]>(
    () => [
      {
        id: 'name',
        header: t('organizations.table.name'),
        meta: { rowHeader: true },
        cell: ({ row }) => (
          <Text span fw={500} size="sm">
            {row.original.name}
          </Text>
        ),
      },
      {
        id: 'acronym',
        header: t('organizations.table.acronym'),
        cell: ({ row }) =>
          row.original.acronym ? (
            <Text span fw={600} size="sm">
              {row.original.acronym}
            </Text>
          ) : (
            <>
              <Text span c="dimmed" size="sm" aria-hidden="true">
                —
              </Text>
              <VisuallyHidden>{t('organizations.table.noAcronym')}</VisuallyHidden>
            </>
          ),
      },
      {
        id: 'kind',
        header: t('organizations.table.kind'),
        cell: ({ row: { original: organization } }) => {
          const kind = isOrganizationKind(organization.kind) ? organization.kind : null;
          return (
            <Tag tone={KIND_TONES[kind ?? 'other']}>
              {kind ? t(`organizations.kinds.${kind}`) : organization.kind}
            </Tag>
          );
        },
      },
      {
        id: 'updated',
        header: t('organizations.table.updated'),
        cell: ({ row }) => (
          <Text span size="sm">
            {date(row.original.updatedAt)}
          </Text>
        ),
      },
      ...(onEdit
        ? ([
            {
              id: 'contact',
              header: t('orgContact.table.contact'),
              cell: ({ row: { original: organization } }) =>
                organization.contactEmail ? (
                  <Text span size="sm">
                    {organization.contactName ? `${organization.contactName} · ` : ''}
                    {organization.contactEmail}
                  </Text>
                ) : (
                  <Text span c="dimmed" size="sm">
                    {t('orgContact.table.none')}
                  </Text>
                ),
            },
            {
              id: 'actions',
              header: () => <VisuallyHidden>{t('orgContact.table.actions')}</VisuallyHidden>,
              meta: { label: t('orgContact.table.actions'), hideable: false },
              cell: ({ row: { original: organization } }) => (
                <Button
                  variant="subtle"
                  size="xs"
                  leftSection={<IconPencil size={14} aria-hidden="true" />}
                  onClick={() => onEdit(organization)}
                  aria-label={t('orgContact.table.edit', { name: organization.name })}
                >
                  {t('orgContact.table.editShort')}
                </Button>
              ),
            },
          ] satisfies ColumnDef<Organization>[])
        : []),
    ],
    [t, date, onEdit],
  );
  return (
    <ListTable
      listId="organizations"
      views
      label={t('organizations.title')}
      columns={columns}
      data={organizations}
      getRowId={(organization) => organization.id}
      loading={loading}
      refreshing={refreshing}
      minWidth={680}
      testId="organizations-table"
      count={count}
    />
  );
}
