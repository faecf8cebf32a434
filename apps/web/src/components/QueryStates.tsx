import { Skeleton, Table } from '@mantine/core';

// In a file of its own, so that the router's error screen does not bring Mantine's Table (and the
// ScrollArea and floating-ui behind it) into the first page's code.
export { ErrorResult } from './ErrorResult';
export { EmptyResult } from './EmptyResult';

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
