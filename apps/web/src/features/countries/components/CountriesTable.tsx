import { Anchor, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableSkeleton } from '../../../components/QueryStates';
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

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        striped
        highlightOnHover
        aria-busy={loading || refreshing}
        style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
        aria-label={t('countries.title')}
        data-testid="countries-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('countries.table.name')}</Table.Th>
            <Table.Th scope="col">{t('countries.table.iso3')}</Table.Th>
            <Table.Th scope="col">{t('countries.table.region')}</Table.Th>
            <Table.Th scope="col">{t('countries.table.subregion')}</Table.Th>
            <Table.Th scope="col">{t('countries.table.groups')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        {loading ? (
          <TableSkeleton columns={5} />
        ) : (
          <Table.Tbody>
            {countries.map((country) => (
              <Table.Tr key={country.iso3} data-iso3={country.iso3}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/countries/${country.iso3}`} size="sm" fw={600}>
                    {english ? country.name : countryName(country.iso2, country.name)}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <Text span ff="monospace" size="sm" dir="ltr">
                    {country.iso3}
                  </Text>
                </Table.Td>
                <Table.Td>{m49Name(country.regionCode, country.region)}</Table.Td>
                <Table.Td>{m49Name(country.subregionCode, country.subregion)}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="wrap">
                    {FLAG_FILTERS.filter((flag) => country[flag]).map((flag) => (
                      <Tag key={flag} tone={GROUP_TONES[flag]}>
                        <abbr title={t(`countries.groups.${flag}.long`)} style={{ textDecoration: 'none' }}>
                          {t(`countries.groups.${flag}.short`)}
                        </abbr>
                      </Tag>
                    ))}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}
