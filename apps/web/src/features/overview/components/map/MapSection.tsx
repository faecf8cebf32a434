import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SegmentedChoice } from '../../../../components/SegmentedChoice';
import { EmptyResult } from '../../../../components/EmptyResult';
import { Tag } from '../../../../components/Tag';
import {
  LazyWorldMap,
  mapClasses,
  MapLegend,
  WorldMapDrawing,
  WorldMapPlaceholder,
  type MapClass,
  type MapCountry,
} from '../../../../components/world-map';
import { useCountryName } from '../../../../lib/country-name';
import type { CountryFigures } from '../../api/get-dashboard-overview';
import { toNumber, useFigures } from '../../../../lib/figures';
import { PHONE_QUERY } from '../../../../lib/media';

type Measure = 'projects' | 'approved';
const TOP = 10;

/**
 * The map with each country's tooltip. Its lines (three translations and two figures for each of
 * some 150 countries) are written only once the map is drawn, not when the overview answers.
 */
function DrawnMap({
  rows,
  measure,
  classes,
}: {
  rows: (CountryFigures & { label: string })[];
  measure: Measure;
  classes: MapClass[];
}) {
  const { t } = useTranslation();
  const { usdCompact, number } = useFigures();
  const countries = useMemo<MapCountry[]>(
    () =>
      rows.map((country) => ({
        iso3: country.iso3,
        numeric: country.numeric,
        label: country.label,
        value: measure === 'projects' ? country.projects : toNumber(country.approved),
        details: [
          t('dashboard.map.tooltipProjects', { value: number(country.projects) }),
          t('dashboard.map.tooltipApproved', { value: usdCompact(country.approved) }),
          ...(country.sids ? [t('dashboard.map.sids')] : []),
        ],
      })),
    [rows, measure, t, number, usdCompact],
  );
  return <WorldMapDrawing countries={countries} classes={classes} />;
}

interface MapSectionProps {
  countries: CountryFigures[] | undefined;
  loading: boolean;
}

/** The portfolio on a world map, with the same figures in a table below it for keyboards and screen readers. */
export function MapSection({ countries, loading }: MapSectionProps) {
  // On a phone the groups' tag goes beside the country's name: four columns did not fit 390 px.
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  const { t } = useTranslation();
  const countryName = useCountryName({ loadList: false });
  const { usd, usdCompact, number } = useFigures();
  const [measure, setMeasure] = useState<Measure>('projects');
  const [showAll, setShowAll] = useState(false);

  const valueOf = (country: CountryFigures) =>
    measure === 'projects' ? country.projects : toNumber(country.approved);
  const format = (value: number) => (measure === 'projects' ? number(value) : usdCompact(value));

  const rows = useMemo(
    () =>
      [...(countries ?? [])]
        .map((country) => ({ ...country, label: countryName(country.iso3, country.name) }))
        .sort(
          (a, b) =>
            (measure === 'projects'
              ? b.projects - a.projects
              : toNumber(b.approved) - toNumber(a.approved)) ||
            toNumber(b.approved) - toNumber(a.approved) ||
            a.label.localeCompare(b.label),
        ),
    [countries, countryName, measure],
  );

  const classes = useMemo(
    () =>
      mapClasses(
        rows.map((country) => (measure === 'projects' ? country.projects : toNumber(country.approved))),
      ),
    [rows, measure],
  );

  const top = rows[0];
  const withValue = rows.filter((country) => valueOf(country) > 0);
  const sidsCount = rows.filter((country) => country.sids).length;
  const tied = top ? rows.filter((country) => valueOf(country) === valueOf(top)).length : 0;
  const shown = showAll ? rows : rows.slice(0, TOP);

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="map-heading"
      data-testid="portfolio-map-section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={2} id="map-heading" fz={20}>
            {t('dashboard.map.title')}
          </Title>
          <SegmentedChoice
            value={measure}
            onChange={(value) => setMeasure(value === 'approved' ? 'approved' : 'projects')}
            aria-label={t('dashboard.map.measure')}
            data={[
              { value: 'projects', label: t('dashboard.map.byProjects') },
              { value: 'approved', label: t('dashboard.map.byApproved') },
            ]}
          />
        </Group>
        <Text size="sm" c="dimmed" maw={820}>
          {top && withValue.length > 0
            ? t(tied > 1 ? 'dashboard.map.summaryTied' : 'dashboard.map.summary', {
                countries: number(withValue.length),
                top: top.label,
                tied: number(tied),
                value: measure === 'projects' ? number(top.projects) : usdCompact(top.approved),
                sids: number(sidsCount),
              })
            : t('dashboard.map.description')}
        </Text>

        {loading ? (
          <WorldMapPlaceholder />
        ) : rows.length === 0 ? (
          <EmptyResult title={t('dashboard.map.empty')} body={t('dashboard.map.emptyBody')} />
        ) : (
          <>
            <LazyWorldMap>
              <DrawnMap rows={rows} measure={measure} classes={classes} />
            </LazyWorldMap>
            <MapLegend
              classes={classes}
              label={t('dashboard.map.legend')}
              format={format}
              range={(from, to) => t('dashboard.map.range', { from, to })}
              none={measure === 'projects' ? t('dashboard.map.noProjects') : t('dashboard.map.noApproved')}
              dot={t('dashboard.map.dotLegend')}
            />

            <Table.ScrollContainer minWidth={phone ? 0 : 520}>
              <Table
                striped
                fz="sm"
                verticalSpacing={6}
                horizontalSpacing={phone ? 6 : 'xs'}
                data-testid="map-table"
              >
                <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                  <Text span fw={650} size="sm" c="dark.7">
                    {showAll
                      ? t('dashboard.map.tableAll')
                      : t('dashboard.map.tableTop', { top: number(TOP) })}
                  </Text>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('dashboard.map.country')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('dashboard.map.projects')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('dashboard.map.approved')}
                    </Table.Th>
                    {phone ? null : <Table.Th scope="col">{t('dashboard.map.groups')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((country) => (
                    <Table.Tr key={country.iso3}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/countries/${country.iso3}`} size="sm" fw={600}>
                          {country.label}
                        </Anchor>
                        {phone && country.sids ? (
                          <>
                            {' '}
                            <SidsTag />
                          </>
                        ) : null}
                      </Table.Th>
                      <Table.Td ta="end">{number(country.projects)}</Table.Td>
                      <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} title={usd(country.approved)}>
                        {usdCompact(country.approved)}
                      </Table.Td>
                      {phone ? null : <Table.Td>{country.sids ? <SidsTag /> : null}</Table.Td>}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {rows.length > TOP ? (
              <Group justify="flex-start">
                <Button variant="subtle" size="compact-sm" onClick={() => setShowAll((value) => !value)}>
                  {showAll
                    ? t('dashboard.map.showTop', { top: number(TOP) })
                    : t('dashboard.map.showAll', { total: number(rows.length) })}
                </Button>
              </Group>
            ) : null}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** Small island developing States, the group the Fund reports on. */
function SidsTag() {
  const { t } = useTranslation();
  return (
    <Tag tone="teal" size="sm">
      <abbr title={t('dashboard.map.sidsLong')} style={{ textDecoration: 'none' }}>
        {t('dashboard.map.sids')}
      </abbr>
    </Tag>
  );
}
