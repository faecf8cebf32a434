import { Anchor, Group, Text } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../../components/data-table/ListTable';
import { Tag } from '../../../components/Tag';
import { useFormatters } from '../../../lib/format';
import { useM49Name } from '../../../lib/m49';
import type { Country } from '../api/get-countries';
import { FLAG_FILTERS } from '../lib/filters';

const GROUP_TONES = { ldc: 'orange', lldc: 'grape', sids: 'teal' } as const;

interface CountriesTableProps {
  countries: Country[];
  loading: boolean;
  /** Rows of the previous filter, shown while the new one loads. */
  refreshing?: boolean;
}

export function CountriesTable({ countries, loading, refreshing = false }: CountriesTableProps) {
  const { t, i18n } = useTranslation();
  const { countryName } = useFormatters();
  const m49Name = useM49Name();
  // The API's names are the UN's official English names; other languages get the browser's (CLDR) names.
  const english = (i18n.resolvedLanguage ?? i18n.language) === 'en';
  const columns: ColumnDef<Country>[] = [
    {
      id: 'name',
      header: t('countries.table.name'),
      meta: { rowHeader: true },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/countries/${row.original.iso3}`} size="sm" fw={600}>
          {english ? row.original.name : countryName(row.original.iso2, row.original.name)}
        </Anchor>
      ),
    },
    {
      id: 'iso3',
      header: t('countries.table.iso3'),
      cell: ({ row }) => (
        <Text span ff="monospace" size="sm" dir="ltr">
          {row.original.iso3}
        </Text>
      ),
    },
    {
      id: 'region',
      header: t('countries.table.region'),
      cell: ({ row }) => m49Name(row.original.regionCode, row.original.region),
    },
    {
      id: 'subregion',
      header: t('countries.table.subregion'),
      cell: ({ row }) => m49Name(row.original.subregionCode, row.original.subregion),
    },
    {
      id: 'groups',
      header: t('countries.table.groups'),
      cell: ({ row }) => (
        <Group gap={6} wrap="wrap">
          {FLAG_FILTERS.filter((flag) => row.original[flag]).map((flag) => (
            <Tag key={flag} tone={GROUP_TONES[flag]}>
              <abbr title={t(`countries.groups.${flag}.long`)} style={{ textDecoration: 'none' }}>
                {t(`countries.groups.${flag}.short`)}
              </abbr>
            </Tag>
          ))}
        </Group>
      ),
    },
  ];

  return (
    <ListTable
      listId="countries"
      cards
      label={t('countries.title')}
      columns={columns}
      data={countries}
      getRowId={(country) => country.iso3}
      loading={loading}
      refreshing={refreshing}
      minWidth={760}
      rowProps={(country) => ({ 'data-iso3': country.iso3 })}
      testId="countries-table"
    />
  );
}
