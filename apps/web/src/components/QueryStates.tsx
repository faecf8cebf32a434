import { Center, Skeleton, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';

// In a file of its own, so that the router's error screen does not bring Mantine's Table (and the
// ScrollArea and floating-ui behind it) into the first page's code.
export { ErrorResult } from './ErrorResult';

/** Placeholder rows while a table loads; the table itself carries aria-busy. */
export function TableSkeleton({ columns, rows = 8 }: { columns: number; rows?: number }) {
  return (
    <Table.Tbody aria-hidden="true">
      {Array.from({ length: rows }, (_, row) => (
        <Table.Tr key={row}>
          {Array.from({ length: columns }, (_, column) => (
            <Table.Td key={column}>
              <Skeleton height={14} width={column === 0 ? '70%' : '50%'} radius="sm" />
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
}

export function EmptyResult({ title, body }: { title: string; body?: string }) {
  return (
    <Center py="xl" role="status">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <ThemeIcon variant="light" size={48} radius="xl" color="gray" aria-hidden="true">
          <IconMoodEmpty size={28} />
        </ThemeIcon>
        <Text fw={600}>{title}</Text>
        {body ? <Text c="dimmed">{body}</Text> : null}
      </Stack>
    </Center>
  );
}
