import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountryName } from '../../../lib/country-name';
import { useIntl } from '../../../lib/intl';
import type { Proposal, Review } from '../api/get-review';

/** A reviewer's conflict-of-interest declaration, as staff read it: when, with whom, why. */
export function DeclarationSummary({ review, proposal }: { review: Review; proposal: Proposal }) {
  const { t } = useTranslation();
  const { dateTime } = useIntl();
  const countryName = useCountryName();
  const conflict = review.conflict;
  const parties = conflict
    ? [
        ...conflict.organizationIds.map((id) => {
          const organization = proposal.organizations.find((item) => item.organizationId === id);
          return organization ? (organization.acronym ?? organization.name) : id;
        }),
        ...conflict.countries.map((iso3) =>
          countryName(iso3, proposal.countries.find((c) => c.iso3 === iso3)?.name),
        ),
      ]
    : [];
  return (
    <Paper
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="declaration-title"
    >
      <Stack gap={6}>
        <Title order={2} fz="h4" id="declaration-title">
          {t('reviews.declaration.title')}
        </Title>
        <Text size="sm">
          {conflict === null
            ? t('reviews.declaration.pending')
            : conflict.declared
              ? t('reviews.declaration.declared', { date: dateTime(conflict.declaredAt) })
              : t('reviews.declaration.none', { date: dateTime(conflict.declaredAt) })}
        </Text>
        {parties.length ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('reviews.declaration.with')}
            </Text>{' '}
            {parties.join(' · ')}
          </Text>
        ) : null}
        {conflict?.note ? (
          <Text size="sm" dir="auto">
            <Text span fw={600}>
              {t('reviews.declaration.note')}
            </Text>{' '}
            {conflict.note}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
