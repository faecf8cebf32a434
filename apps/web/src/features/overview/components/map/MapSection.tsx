import { Anchor, Box, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SegmentedChoice } from '../../../../components/SegmentedChoice';
import { EmptyResult } from '../../../../components/QueryStates';
import { Tag } from '../../../../components/Tag';
import { WhenVisible } from '../../../../components/WhenVisible';
import { useCountryName } from '../../../countries';
import type { CountryFigures } from '../../api/get-dashboard-overview';
import { toNumber, useFigures } from '../../../../lib/figures';
import { MAP_NO_DATA } from '../../lib/palette';
import { MAP_HEIGHT, MAP_WIDTH, mapClasses, type MapClass } from './geo';
import type { MapCountry } from './PortfolioMap';

const PortfolioMap = lazy(() => import('./PortfolioMap'));

/** Holds the map's place at its own proportions (width 100%), so nothing moves when it is drawn. */
function MapPlaceholder() {
  return <Skeleton radius="md" h="auto" style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }} />;
}

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
  return <PortfolioMap countries={countries} classes={classes} />;
}

interface MapSectionProps {
  countries: CountryFigures[] | undefined;
  loading: boolean;
}

/** The portfolio on a world map, with the same figures in a table below it for keyboards and screen readers. */
export function MapSection({ countries, loading }: MapSectionProps) {
  const { t } = useTranslation();
  const countryName = useCountryName();
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
          <MapPlaceholder />
        ) : rows.length === 0 ? (
          <EmptyResult title={t('dashboard.map.empty')} body={t('dashboard.map.emptyBody')} />
        ) : (
          <>
            <Box aria-hidden="true">
              <WhenVisible placeholder={<MapPlaceholder />}>
                <Suspense fallback={<MapPlaceholder />}>
                  <DrawnMap rows={rows} measure={measure} classes={classes} />
                </Suspense>
              </WhenVisible>
            </Box>
            <Group gap="md" wrap="wrap" aria-label={t('dashboard.map.legend')} role="group">
              {classes.map((entry) => (
                <Group key={`${entry.min}-${entry.max}`} gap={6} wrap="nowrap">
                  <Box
                    w={14}
                    h={14}
                    style={{ background: entry.color, borderRadius: 3, border: '1px solid #3d6d91' }}
                    aria-hidden="true"
                  />
                  <Text size="xs">
                    {entry.min === entry.max
                      ? format(entry.min)
                      : t('dashboard.map.range', { from: format(entry.min), to: format(entry.max) })}
                  </Text>
                </Group>
              ))}
              <Group gap={6} wrap="nowrap">
                <Box
                  w={14}
                  h={14}
                  style={{ background: MAP_NO_DATA, borderRadius: 3, border: '1px solid #adb5bd' }}
                  aria-hidden="true"
                />
                <Text size="xs">
                  {measure === 'projects' ? t('dashboard.map.noProjects') : t('dashboard.map.noApproved')}
                </Text>
              </Group>
              <Group gap={6} wrap="nowrap">
                <svg width="14" height="14" aria-hidden="true" focusable="false">
                  <circle cx="7" cy="7" r="5" fill="#4fa9dc" stroke="#003f68" strokeWidth="1.2" />
                </svg>
                <Text size="xs">{t('dashboard.map.dotLegend')}</Text>
              </Group>
            </Group>

            <Table.ScrollContainer minWidth={520}>
              <Table striped fz="sm" verticalSpacing={6} data-testid="map-table">
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
                    <Table.Th scope="col">{t('dashboard.map.groups')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((country) => (
                    <Table.Tr key={country.iso3}>
                      <Table.Th scope="row" fw={500}>
                        <Anchor component={Link} to={`/countries/${country.iso3}`} size="sm" fw={600}>
                          {country.label}
                        </Anchor>
                      </Table.Th>
                      <Table.Td ta="end">{number(country.projects)}</Table.Td>
                      <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} title={usd(country.approved)}>
                        {usdCompact(country.approved)}
                      </Table.Td>
                      <Table.Td>
                        {country.sids ? (
                          <Tag tone="teal" size="sm">
                            <abbr title={t('dashboard.map.sidsLong')} style={{ textDecoration: 'none' }}>
                              {t('dashboard.map.sids')}
                            </abbr>
                          </Tag>
                        ) : null}
                      </Table.Td>
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
