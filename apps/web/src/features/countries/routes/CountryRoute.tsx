import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { listsProjects } from '@hstf/domain';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundRoute } from '../../../app/routes/NotFoundRoute';
import { ErrorResult } from '../../../components/QueryStates';
import { useCurrentUser } from '../../../lib/auth';
import { statusOf } from '../../../lib/problem';
import { useCountry } from '../api/get-country';
import { CountryFacts } from '../components/CountryFacts';
import { CountryProjects } from '../components/CountryProjects';
import { CountryStrategies } from '../components/CountryStrategies';
import { useCountryName } from '../../../lib/country-name';

/** One country: its facts, its national strategies, and the Fund's projects there with their consent. */
export function CountryRoute() {
  const { t } = useTranslation();
  const iso3 = (useParams()['iso3'] ?? '').toUpperCase();
  const country = useCountry(iso3);
  const countryName = useCountryName({ loadList: false });
  const { data: user } = useCurrentUser();
  const label = country.data ? countryName(country.data.iso3, country.data.name) : iso3;
  useDocumentTitle(`${label} · ${t('countries.title')} · ${t('app.name')}`);

  if (country.isError && statusOf(country.error) === 404) return <NotFoundRoute />;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/countries" size="sm" fw={600} w="fit-content">
        <Group gap={4} wrap="nowrap" component="span">
          <IconArrowLeft size={16} aria-hidden="true" className="directional-icon" />
          {t('countryPage.back')}
        </Group>
      </Anchor>
      {country.isError ? (
        <ErrorResult title={t('countryPage.error')} onRetry={() => void country.refetch()} />
      ) : !country.data ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={34} width="40%" />
          <Skeleton height={120} radius="md" />
        </Stack>
      ) : (
        <>
          <Stack gap={4}>
            <Title order={1} fz={{ base: 26, sm: 30 }}>
              {label}
            </Title>
            {label !== country.data.name ? (
              <Text c="dimmed" lang="en">
                {country.data.name}
              </Text>
            ) : null}
          </Stack>
          <CountryFacts country={country.data} />
          {user && listsProjects(user.role) ? <CountryProjects iso3={iso3} countryLabel={label} /> : null}
          <CountryStrategies iso3={iso3} />
        </>
      )}
    </Stack>
  );
}
