import { Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../../components/ListFooter';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { useCountries } from '../api/get-countries';
import { CountriesTable } from '../components/CountriesTable';
import { CountryFilters } from '../components/CountryFilters';
import { useCountryFilters } from '../lib/filters';

export function CountriesRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('countries.title')} · ${t('app.name')}`);
  const [filters, setFilters] = useCountryFilters();
  const countries = useCountries(filters);
  const items = countries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('countries.title')} description={t('countries.description')} />
      <CountryFilters filters={filters} onChange={setFilters} />
      <Paper withBorder radius="md" p={{ base: 'xs', sm: 'md' }}>
        {countries.isError && !countries.data ? (
          <ErrorResult title={t('countries.error')} onRetry={() => void countries.refetch()} />
        ) : !countries.isPending && items.length === 0 ? (
          <EmptyResult title={t('countries.empty')} body={t('common.emptyFiltersBody')} />
        ) : (
          <>
            <CountriesTable
              countries={items}
              loading={countries.isPending}
              refreshing={countries.isPlaceholderData}
            />
            {countries.isFetchNextPageError ? (
              <ErrorResult title={t('countries.error')} onRetry={() => void countries.fetchNextPage()} />
            ) : null}
            {!countries.isPending ? (
              <ListFooter
                shown={items.length}
                hasMore={countries.hasNextPage}
                loadingMore={countries.isFetchingNextPage}
                onLoadMore={() => void countries.fetchNextPage()}
              />
            ) : null}
          </>
        )}
      </Paper>
    </>
  );
}
