import { Box, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useM49Name } from '../../../lib/m49';
import type { CountryDetail } from '../api/get-country';
import { FLAG_FILTERS } from '../lib/filters';

const GROUP_COLORS = { ldc: '#8a3a00', lldc: '#6b2380', sids: '#0b5d45' } as const;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text component="dt" size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={500} size="sm">
        {children}
      </Text>
    </Stack>
  );
}

/** The country's reference data: UN M49 region and sub-region, ISO codes, the groups it belongs to. */
export function CountryFacts({ country }: { country: CountryDetail }) {
  const { t } = useTranslation();
  const m49Name = useM49Name();
  const groups = FLAG_FILTERS.filter((flag) => country[flag]);
  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="facts-heading"
    >
      <Title order={2} id="facts-heading" fz={20} mb="md">
        {t('countryPage.facts.title')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" m={0}>
        <Fact label={t('countryPage.facts.region')}>
          {m49Name(country.regionCode, country.region) || '—'}
        </Fact>
        <Fact label={t('countryPage.facts.subregion')}>
          {m49Name(country.subregionCode, country.subregion) || '—'}
        </Fact>
        <Fact label={t('countryPage.facts.codes')}>
          <Text span ff="monospace" dir="ltr">
            {country.iso3} · {country.iso2} · {country.numeric}
          </Text>
        </Fact>
        <Fact label={t('countryPage.facts.groups')}>
          {groups.length > 0 ? (
            <Stack gap={4} component="span">
              {groups.map((flag) => (
                <Group key={flag} gap={8} wrap="nowrap" component="span" align="flex-start">
                  <Box
                    component="span"
                    aria-hidden="true"
                    mt={7}
                    w={8}
                    h={8}
                    style={{ borderRadius: '50%', background: GROUP_COLORS[flag], flex: 'none' }}
                  />
                  <span>{t(`countries.groups.${flag}.long`)}</span>
                </Group>
              ))}
            </Stack>
          ) : (
            t('countryPage.facts.noGroup')
          )}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
