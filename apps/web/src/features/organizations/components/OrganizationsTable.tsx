import { Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TableSkeleton } from '../../../components/QueryStates';
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
  /** For those who may change organizations: a contact column and an edit button on each row. */
  onEdit?: (organization: Organization) => void;
}

export function OrganizationsTable({
  organizations,
  loading,
  refreshing = false,
  onEdit,
}: OrganizationsTableProps) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table
        striped
        highlightOnHover
        aria-label={t('organizations.title')}
        aria-busy={loading || refreshing}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
        data-testid="organizations-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organizations.table.name')}</Table.Th>
            <Table.Th scope="col">{t('organizations.table.acronym')}</Table.Th>
            <Table.Th scope="col">{t('organizations.table.kind')}</Table.Th>
            <Table.Th scope="col">{t('organizations.table.updated')}</Table.Th>
            {onEdit ? (
              <>
                <Table.Th scope="col">{t('orgContact.table.contact')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('orgContact.table.actions')}</VisuallyHidden>
                </Table.Th>
              </>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={onEdit ? 6 : 4} />
        ) : (
          <Table.Tbody>
            {organizations.map((organization) => {
              const kind = isOrganizationKind(organization.kind) ? organization.kind : null;
              return (
                <Table.Tr key={organization.id}>
                  <Table.Th scope="row" fw={500}>
                    {organization.name}
                  </Table.Th>
                  <Table.Td>
                    {organization.acronym ? (
                      <Text span fw={600} size="sm">
                        {organization.acronym}
                      </Text>
                    ) : (
                      <>
                        <Text span c="dimmed" size="sm" aria-hidden="true">
                          —
                        </Text>
                        <VisuallyHidden>{t('organizations.table.noAcronym')}</VisuallyHidden>
                      </>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Tag tone={KIND_TONES[kind ?? 'other']}>
                      {kind ? t(`organizations.kinds.${kind}`) : organization.kind}
                    </Tag>
                  </Table.Td>
                  <Table.Td>
                    <Text span size="sm">
                      {date(organization.updatedAt)}
                    </Text>
                  </Table.Td>
                  {onEdit ? (
                    <>
                      <Table.Td>
                        {organization.contactEmail ? (
                          <Text span size="sm">
                            {organization.contactName ? `${organization.contactName} · ` : ''}
                            {organization.contactEmail}
                          </Text>
                        ) : (
                          <Text span c="dimmed" size="sm">
                            {t('orgContact.table.none')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          size="xs"
                          leftSection={<IconPencil size={14} aria-hidden="true" />}
                          onClick={() => onEdit(organization)}
                          aria-label={t('orgContact.table.edit', { name: organization.name })}
                        >
                          {t('orgContact.table.editShort')}
                        </Button>
                      </Table.Td>
                    </>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
