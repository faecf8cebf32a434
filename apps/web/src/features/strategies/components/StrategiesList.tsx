import { Anchor, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Tag } from '../../../components/Tag';
import { useCountryName } from '../../../lib/country-name';
import { useIntl } from '../../../lib/intl';
import type { Strategy } from '../api/get-strategies';

interface StrategiesListProps {
  strategies: Strategy[];
  loading: boolean;
  refreshing: boolean;
  canEdit: boolean;
  onEdit: (strategy: Strategy) => void;
  onDelete: (strategy: Strategy) => void;
  /** Today (YYYY-MM-DD), to mark the strategies in force. */
  today: string;
}

function isUrl(value: string) {
  return /^https?:\/\/\S+$/i.test(value);
}

/** The strategies grouped by country, each with its period and priority areas. */
export function StrategiesList({
  strategies,
  loading,
  refreshing,
  canEdit,
  onEdit,
  onDelete,
  today,
}: StrategiesListProps) {
  const { t } = useTranslation();
  const { calendarDate } = useIntl();
  const countryName = useCountryName();

  if (loading) {
    return (
      <Stack gap="md" aria-busy="true">
        <Text role="status" size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} height={140} radius="md" aria-hidden="true" />
        ))}
      </Stack>
    );
  }

  const groups = new Map<string, Strategy[]>();
  for (const strategy of strategies) {
    groups.set(strategy.countryIso3, [...(groups.get(strategy.countryIso3) ?? []), strategy]);
  }

  return (
    <Stack
      gap="md"
      aria-busy={refreshing}
      style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}
    >
      {[...groups.entries()].map(([iso3, items]) => {
        const name = countryName(iso3);
        const headingId = `country-${iso3}`;
        return (
          <Paper key={iso3} withBorder radius="md" p={{ base: 'sm', sm: 'md' }} component="section">
            <Group gap="xs" mb="sm">
              <Title order={2} fz="h4" id={headingId}>
                {name}
              </Title>
              <Text span size="sm" c="dimmed" ff="monospace" dir="ltr">
                {iso3}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={name}>
              <Table verticalSpacing="sm" aria-labelledby={headingId} layout="fixed">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" w="32%">
                      {t('strategies.table.title')}
                    </Table.Th>
                    <Table.Th scope="col" w="22%">
                      {t('strategies.table.period')}
                    </Table.Th>
                    <Table.Th scope="col">{t('strategies.table.priorityAreas')}</Table.Th>
                    {canEdit ? (
                      <Table.Th scope="col" w={200}>
                        {t('strategies.table.actions')}
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((strategy) => {
                    const inForce = strategy.periodFrom <= today && today <= strategy.periodTo;
                    return (
                      <Table.Tr key={strategy.id}>
                        <Table.Th scope="row" fw={500}>
                          <Stack gap={2}>
                            <Text size="sm" fw={600} dir="auto">
                              {strategy.title}
                            </Text>
                            {strategy.reference ? (
                              isUrl(strategy.reference) ? (
                                <Anchor
                                  href={strategy.reference}
                                  target="_blank"
                                  rel="noreferrer"
                                  size="xs"
                                  style={{ wordBreak: 'break-all' }}
                                >
                                  {strategy.reference}
                                </Anchor>
                              ) : (
                                <Text size="xs" c="dimmed">
                                  {strategy.reference}
                                </Text>
                              )
                            ) : null}
                          </Stack>
                        </Table.Th>
                        <Table.Td>
                          <Stack gap={4} align="flex-start">
                            <Text size="sm">
                              {t('strategies.table.periodValue', {
                                from: calendarDate(strategy.periodFrom),
                                to: calendarDate(strategy.periodTo),
                              })}
                            </Text>
                            {inForce ? <Tag tone="teal">{t('strategies.table.inForce')}</Tag> : null}
                          </Stack>
                        </Table.Td>
                        <Table.Td>
                          {strategy.priorityAreas.length ? (
                            <Group gap={6}>
                              {strategy.priorityAreas.map((area) => (
                                <Tag key={area} tone="indigo">
                                  {area}
                                </Tag>
                              ))}
                            </Group>
                          ) : (
                            <Text size="sm" c="dimmed">
                              {t('strategies.table.noAreas')}
                            </Text>
                          )}
                        </Table.Td>
                        {canEdit ? (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                leftSection={<IconPencil size={16} aria-hidden="true" />}
                                onClick={() => onEdit(strategy)}
                                aria-label={t('strategies.table.editNamed', { title: strategy.title })}
                              >
                                {t('strategies.table.edit')}
                              </Button>
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                color="red"
                                c="red.9"
                                leftSection={<IconTrash size={16} aria-hidden="true" />}
                                onClick={() => onDelete(strategy)}
                                aria-label={t('strategies.table.deleteNamed', { title: strategy.title })}
                              >
                                {t('strategies.table.delete')}
                              </Button>
                            </Group>
                          </Table.Td>
                        ) : null}
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      })}
    </Stack>
  );
}
