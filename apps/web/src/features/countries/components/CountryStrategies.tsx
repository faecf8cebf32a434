import { Anchor, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyResult, ErrorResult } from '../../../components/QueryStates';
import { Tag } from '../../../components/Tag';
import { useFormatters } from '../../../lib/format';
import { useCountryStrategies } from '../api/get-country-strategies';

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The national strategies and plans a project can align with (the second half of paragraph 6). */
export function CountryStrategies({ iso3 }: { iso3: string }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const strategies = useCountryStrategies(iso3);
  const today = new Date().toISOString().slice(0, 10);
  const items = [...(strategies.data?.items ?? [])].sort((a, b) => b.periodFrom.localeCompare(a.periodFrom));

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'md', sm: 'lg' }}
      aria-labelledby="strategies-heading"
    >
      <Title order={2} id="strategies-heading" fz={20} mb={4}>
        {t('countryPage.strategies.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('countryPage.strategies.description')}
      </Text>
      {strategies.isError ? (
        <ErrorResult title={t('countryPage.strategies.error')} onRetry={() => void strategies.refetch()} />
      ) : strategies.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton height={70} radius="md" />
          <Skeleton height={70} radius="md" />
        </Stack>
      ) : items.length === 0 ? (
        <EmptyResult title={t('countryPage.strategies.empty')} body={t('countryPage.strategies.emptyBody')} />
      ) : (
        <Stack
          component="ul"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          data-testid="country-strategies"
        >
          {items.map((strategy) => {
            const current = strategy.periodFrom <= today && today <= strategy.periodTo;
            return (
              <Paper
                component="li"
                key={strategy.id}
                withBorder
                radius="md"
                p="md"
                bg={current ? 'unBlue.0' : undefined}
              >
                <Group justify="space-between" align="flex-start" gap="xs" mb={6}>
                  <Text fw={650} dir="auto">
                    {strategy.title}
                  </Text>
                  {current ? <Tag tone="blue">{t('countryPage.strategies.current')}</Tag> : null}
                </Group>
                <Text size="sm" c="dimmed" mb={strategy.priorityAreas.length > 0 ? 8 : 0}>
                  {t('countryPage.period', { from: date(strategy.periodFrom), to: date(strategy.periodTo) })}
                  {strategy.reference ? (
                    <>
                      {' · '}
                      {isUrl(strategy.reference) ? (
                        <Anchor href={strategy.reference} target="_blank" rel="noreferrer" size="sm">
                          {t('countryPage.strategies.document')}
                        </Anchor>
                      ) : (
                        strategy.reference
                      )}
                    </>
                  ) : null}
                </Text>
                {strategy.priorityAreas.length > 0 ? (
                  <Group
                    component="ul"
                    gap={6}
                    p={0}
                    m={0}
                    style={{ listStyle: 'none' }}
                    aria-label={t('countryPage.strategies.priorities')}
                  >
                    {strategy.priorityAreas.map((area) => (
                      <li key={area}>
                        <Tag tone="gray">{area}</Tag>
                      </li>
                    ))}
                  </Group>
                ) : null}
              </Paper>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
