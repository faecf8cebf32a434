import { Anchor, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SegmentedChoice } from '../../../components/SegmentedChoice';
import {
  LazyWorldMap,
  mapClasses,
  MapLegend,
  WorldMapDrawing,
  WorldMapPlaceholder,
  type MapClass,
  type MapCountry,
} from '../../../components/world-map';
import { toNumber, useFigures } from '../../../lib/figures';
import { useFormatters } from '../../../lib/format';
import { useTranslatedText } from '../../../lib/translated-text';
import type { PublicFund } from '../api/public-fund';

type Measure = 'projects' | 'approved';
type View = 'map' | 'list';
type Country = PublicFund['byCountry'][number] & { label: string };

/** The countries' tooltips, written only once the map is drawn. */
function DrawnMap({ rows, measure, classes }: { rows: Country[]; measure: Measure; classes: MapClass[] }) {
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
          t('publicMap.tooltipProjects', { value: number(country.projects) }),
          t('publicMap.tooltipApproved', { value: usdCompact(country.approved) }),
        ],
      })),
    [rows, measure, t, number, usdCompact],
  );
  return <WorldMapDrawing countries={countries} classes={classes} />;
}

/** Each country with its figures and the projects of the page's list that work there. */
function CountryList({ rows, data }: { rows: Country[]; data: PublicFund }) {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const { usdCompact, usd, number } = useFigures();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table striped fz="sm" verticalSpacing={6} data-testid="public-map-list">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
          {t('publicMap.listCaption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('publicMap.country')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('publicMap.projects')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('publicMap.approved')}
            </Table.Th>
            <Table.Th scope="col">{t('publicMap.projectsThere')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((country) => {
            const listed = data.projects.filter((project) => project.countries.includes(country.iso3));
            return (
              <Table.Tr key={country.iso3}>
                <Table.Th scope="row" fw={500}>
                  {country.label}
                </Table.Th>
                <Table.Td ta="end">{number(country.projects)}</Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }} title={usd(country.approved)}>
                  {usdCompact(country.approved)}
                </Table.Td>
                <Table.Td>
                  <List size="sm" listStyleType="none" spacing={2}>
                    {listed.map((project) => (
                      <List.Item key={project.code}>
                        <Text span ff="monospace" size="xs" dir="ltr">
                          {project.code}
                        </Text>{' '}
                        <Text span size="sm" dir="auto">
                          {translate(project.title, project.titleTranslations)}
                        </Text>
                      </List.Item>
                    ))}
                    {country.projects > listed.length ? (
                      <List.Item>
                        <Text span size="xs" c="dimmed">
                          {t('publicMap.more', { count: country.projects - listed.length })}
                        </Text>
                      </List.Item>
                    ) : null}
                  </List>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Approved projects on the world map the overview draws, by count or approved budget. The drawing is
 * fetched only when it scrolls into view, so /fund stays light; the same figures are in the list
 * view and in the "By country" table below it, which the section links to.
 */
export function PublicMapSection({ data }: { data: PublicFund | undefined }) {
  const { t } = useTranslation();
  const { countryName } = useFormatters();
  const { usdCompact, number } = useFigures();
  const [measure, setMeasure] = useState<Measure>('projects');
  const [view, setView] = useState<View>('map');

  const valueOf = (country: Country) =>
    measure === 'projects' ? country.projects : toNumber(country.approved);
  const format = (value: number) => (measure === 'projects' ? number(value) : usdCompact(value));

  const rows = useMemo<Country[]>(
    () =>
      (data?.byCountry ?? [])
        .map((country) => ({ ...country, label: countryName(country.iso2, country.name) }))
        .sort(
          (a, b) =>
            (measure === 'projects'
              ? b.projects - a.projects
              : toNumber(b.approved) - toNumber(a.approved)) || a.label.localeCompare(b.label),
        ),
    [data, countryName, measure],
  );
  const classes = useMemo(
    () =>
      mapClasses(
        rows.map((country) => (measure === 'projects' ? country.projects : toNumber(country.approved))),
      ),
    [rows, measure],
  );
  const top = rows[0];
  const tied = top ? rows.filter((country) => valueOf(country) === valueOf(top)).length : 0;

  return (
    <Stack gap="xs" component="section" aria-labelledby="public-map">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={2} fz="h3" id="public-map">
          {t('publicMap.title')}
        </Title>
        <Group gap="sm">
          {view === 'map' ? (
            <SegmentedChoice
              value={measure}
              onChange={(value) => setMeasure(value === 'approved' ? 'approved' : 'projects')}
              aria-label={t('publicMap.measure')}
              data={[
                { value: 'projects', label: t('publicMap.byProjects') },
                { value: 'approved', label: t('publicMap.byApproved') },
              ]}
            />
          ) : null}
          <SegmentedChoice
            value={view}
            onChange={(value) => setView(value === 'list' ? 'list' : 'map')}
            aria-label={t('publicMap.view')}
            data={[
              { value: 'map', label: t('publicMap.viewMap') },
              { value: 'list', label: t('publicMap.viewList') },
            ]}
          />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {!data
          ? t('common.loading')
          : top
            ? t(tied > 1 ? 'publicMap.summaryTied' : 'publicMap.summary', {
                countries: number(rows.length),
                top: top.label,
                tied: number(tied),
                value: format(valueOf(top)),
              })
            : t('publicMap.empty')}{' '}
        {/* Underlined: inside a sentence, a link told apart by its colour alone is missed (axe's
            link-in-text-block). */}
        <Anchor href="#public-countries" size="sm" underline="always">
          {t('publicMap.tableLink')}
        </Anchor>
      </Text>
      {!data ? (
        <WorldMapPlaceholder />
      ) : rows.length === 0 ? null : view === 'list' ? (
        <CountryList rows={rows} data={data} />
      ) : (
        <>
          <LazyWorldMap>
            <DrawnMap rows={rows} measure={measure} classes={classes} />
          </LazyWorldMap>
          <MapLegend
            classes={classes}
            label={t('publicMap.legend')}
            format={format}
            range={(from, to) => t('publicMap.range', { from, to })}
            none={measure === 'projects' ? t('publicMap.noProjects') : t('publicMap.noApproved')}
            dot={t('publicMap.dotLegend')}
          />
        </>
      )}
    </Stack>
  );
}
