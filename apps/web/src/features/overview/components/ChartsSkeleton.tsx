import { Paper, SimpleGrid, Skeleton, Stack } from '@mantine/core';

/** Placeholder chart cards while the overview answers. */
export function ChartsSkeleton({ count }: { count: number }) {
  return (
    <SimpleGrid cols={{ base: 1, md: count > 1 ? 2 : 1 }} spacing="lg" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <Paper key={index} withBorder radius="md" p="lg">
          <Stack gap="sm">
            <Skeleton height={18} width="45%" radius="sm" />
            <Skeleton height={12} width="80%" radius="sm" />
            <Skeleton height={260} radius="md" />
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
