import { Paper, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useIntl } from '../../../lib/intl';

export interface Figure {
  label: string;
  value: string | null;
  hint?: string;
}

/** Headline figures, exact to the cent under the short form. */
export function TotalsCards({ figures, loading }: { figures: Figure[]; loading: boolean }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: figures.length }} mb="lg">
      {figures.map((figure) => (
        <FigureCard key={figure.label} figure={figure} loading={loading} />
      ))}
    </SimpleGrid>
  );
}

function FigureCard({ figure, loading }: { figure: Figure; loading: boolean }) {
  const { moneyCompact, money } = useIntl();
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed" fw={500}>
        {figure.label}
      </Text>
      {loading || figure.value === null ? (
        <Skeleton height={30} width={120} mt={6} />
      ) : (
        <>
          <Text fz={28} fw={700} lh={1.3} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {moneyCompact(figure.value)}
          </Text>
          <Text size="xs" c="dimmed" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {money(figure.value)}
            {figure.hint ? ` · ${figure.hint}` : ''}
          </Text>
        </>
      )}
    </Paper>
  );
}
