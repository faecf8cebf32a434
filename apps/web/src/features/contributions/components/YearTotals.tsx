import { Box, Group, Table, Text } from '@mantine/core';
import { compareMoney } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { useIntl } from '../../../lib/intl';
import type { YearFigures } from '../lib/totals';

function Bar({ value, max, color }: { value: string; max: string; color: string }) {
  const share = Number(max) > 0 ? Math.max(0, Math.min(1, Number(value) / Number(max))) : 0;
  return (
    <Box
      h={8}
      w="100%"
      maw={180}
      style={{ background: 'var(--mantine-color-gray-1)', borderRadius: 4 }}
      aria-hidden="true"
    >
      <Box h={8} w={`${share * 100}%`} style={{ background: color, borderRadius: 4 }} />
    </Box>
  );
}

/** Pledged and received by year, in US dollars, with a bar for each to compare the years at a glance. */
export function YearTotals({ years, label }: { years: YearFigures[]; label: string }) {
  const { t } = useTranslation();
  const { money } = useIntl();
  const max = years.reduce(
    (top, year) =>
      [year.pledgedUsd, year.receivedUsd].reduce((a, b) => (compareMoney(a, b) >= 0 ? a : b), top),
    '0.00',
  );
  return (
    <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table striped aria-label={label} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('donors.totals.year')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donors.totals.pledged')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('donors.totals.received')}
            </Table.Th>
            <Table.Th scope="col" w={200}>
              <Group gap="sm" wrap="nowrap">
                <Group gap={4} wrap="nowrap">
                  <Box
                    w={10}
                    h={10}
                    style={{ background: 'var(--mantine-color-unBlue-3)', borderRadius: 2 }}
                    aria-hidden="true"
                  />
                  <Text size="xs">{t('donors.totals.pledged')}</Text>
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Box
                    w={10}
                    h={10}
                    style={{ background: 'var(--mantine-color-teal-7)', borderRadius: 2 }}
                    aria-hidden="true"
                  />
                  <Text size="xs">{t('donors.totals.received')}</Text>
                </Group>
              </Group>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {years.map((year) => (
            <Table.Tr key={year.year}>
              <Table.Th scope="row" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {year.year}
              </Table.Th>
              <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {money(year.pledgedUsd)}
              </Table.Td>
              <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {money(year.receivedUsd)}
              </Table.Td>
              <Table.Td>
                <Box style={{ display: 'grid', gap: 3 }}>
                  <Bar value={year.pledgedUsd} max={max} color="var(--mantine-color-unBlue-3)" />
                  <Bar value={year.receivedUsd} max={max} color="var(--mantine-color-teal-7)" />
                </Box>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
