import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SearchField } from '../../../components/FilterPanel';
import { useSearchFilter } from '../../../lib/use-search-filter';
import { Link, useNavigate } from 'react-router';
import { ListFooter } from '../../../components/ListFooter';
import { ExportMenu } from '../../../components/ExportMenu';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { ListTable } from '../../../components/data-table/ListTable';
import { useCountryName } from '../../../lib/country-name';
import { useFormatters } from '../../../lib/format';
import { useIntl } from '../../../lib/intl';
import { notifySaved } from '../../../lib/notify';
import { useContributionTotals } from '../../contributions';
import { useDonors, type Donor } from '../api/get-donors';
import { DonorFormModal } from '../components/DonorFormModal';
import { DonorKindTag } from '../components/DonorKindTag';
import { TotalsCards } from '../../contributions';
import { DONOR_KINDS, isDonorKind, useDonorFilters } from '../lib/filters';
import { donorsOf, sumOf } from '../../contributions';

/** /donors (staff, admin): every donor with what it pledged and gave, the Fund's totals, new donors. */
export function DonorsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('donors.title')} · ${t('app.name')}`);
  const navigate = useNavigate();
  const { number } = useFormatters();
  const { money } = useIntl();
  const countryName = useCountryName();
  const [filters, setFilters] = useDonorFilters();
  const searchFilter = useSearchFilter(filters.q, (q) => setFilters({ q }));
  const { search } = searchFilter;
  const donors = useDonors(filters);
  const totals = useContributionTotals();
  const [creating, setCreating] = useState(false);
  const items = donors.data?.pages.flatMap((page) => page.items) ?? [];
  const byDonor = new Map(donorsOf(totals.data ?? []).map((row) => [row.donorId, row]));
  const fund = sumOf([...byDonor.values()]);
  const figure = (donor: Donor, field: 'receivedUsd' | 'pledgedUsd') => {
    const figures = byDonor.get(donor.id);
    return figures ? figures[field] : totals.isPending ? null : '0';
  };
  const columns: ColumnDef<Donor>[] = [
    {
      id: 'name',
      header: t('donors.table.name'),
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/donors/${row.original.id}`} fw={600} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    {
      id: 'kind',
      header: t('donors.table.kind'),
      cell: ({ row }) => <DonorKindTag kind={row.original.kind} />,
    },
    {
      id: 'country',
      header: t('donors.table.country'),
      cell: ({ row }) => (row.original.countryIso3 ? countryName(row.original.countryIso3) : '—'),
    },
    ...(['received', 'pledged'] as const).map((kind): ColumnDef<Donor> => ({
      id: kind,
      header: t(`donors.totals.${kind}`),
      meta: {
        align: 'end',
        nowrap: true,
        total: { amount: (donor) => figure(donor, `${kind}Usd`), format: (amount) => money(amount) },
      },
      cell: ({ row }) => {
        const amount = figure(row.original, `${kind}Usd`);
        return (
          <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {amount === null ? '…' : money(amount)}
          </Text>
        );
      },
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('donors.title')}
        description={t('donors.description')}
        actions={
          <Group gap="sm">
            <ExportMenu path="/api/v1/donors" query={{ kind: filters.kind, q: filters.q }} />
            <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
              {t('donors.create')}
            </Button>
          </Group>
        }
      />
      {totals.isError ? (
        <ErrorResult title={t('donors.totals.error')} onRetry={() => void totals.refetch()} />
      ) : (
        <TotalsCards
          loading={totals.isPending}
          figures={[
            { label: t('donors.totals.fundReceived'), value: fund.receivedUsd },
            {
              label: t('donors.totals.fundPledged'),
              value: fund.pledgedUsd,
              hint: t('donors.totals.pledgedHint'),
            },
          ]}
        />
      )}
      <FilterPanel label={t('donors.filters.label')} onSubmit={searchFilter.flush}>
        <Group align="flex-end" gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1, minWidth: 260 }}>
            <SearchField
              filter={searchFilter}
              label={t('donors.filters.search')}
              placeholder={t('donors.filters.searchPlaceholder')}
            />
            <NativeSelect
              label={t('donors.filters.kind')}
              value={filters.kind ?? ''}
              onChange={(event) => {
                const kind = event.currentTarget.value;
                setFilters({ kind: isDonorKind(kind) ? kind : null });
              }}
            >
              <option value="">{t('donors.filters.allKinds')}</option>
              {DONOR_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`donors.kinds.${kind}`)}
                </option>
              ))}
            </NativeSelect>
          </SimpleGrid>
          {filters.kind || filters.q || search ? (
            <Button
              variant="subtle"
              leftSection={<IconFilterOff size={16} aria-hidden="true" />}
              onClick={() => {
                searchFilter.clear();
                setFilters({ kind: null, q: '' });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </FilterPanel>
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {donors.isError && !donors.data ? (
          <ErrorResult title={t('donors.error')} onRetry={() => void donors.refetch()} />
        ) : !donors.isPending && items.length === 0 ? (
          <EmptyResult title={t('donors.empty')} body={t('common.emptyFiltersBody')} />
        ) : (
          <>
            <ListTable
              listId="donors"
              cards
              views
              label={t('donors.title')}
              columns={columns}
              data={items}
              getRowId={(donor) => donor.id}
              loading={donors.isPending}
              refreshing={donors.isPlaceholderData}
              minWidth={760}
              filterTotals={
                // Unfiltered, the list is every donor: the Fund's own totals are its totals.
                filters.kind || filters.q || totals.isPending
                  ? undefined
                  : { received: fund.receivedUsd, pledged: fund.pledgedUsd }
              }
              count={donors.isPending ? undefined : { shown: items.length, hasMore: donors.hasNextPage }}
            />
            {!donors.isPending ? (
              <ListFooter
                shown={items.length}
                hasMore={donors.hasNextPage}
                loadingMore={donors.isFetchingNextPage}
                onLoadMore={() => void donors.fetchNextPage()}
              />
            ) : null}
          </>
        )}
        <Text size="xs" c="dimmed" mt="sm">
          {t('donors.table.totalsNote', { donors: number(byDonor.size) })}
        </Text>
      </Paper>
      <DonorFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        donor={null}
        onSaved={(donor) => {
          setCreating(false);
          notifySaved(t('saved.created', { name: donor.name }));
          void navigate(`/donors/${donor.id}`);
        }}
      />
    </>
  );
}
