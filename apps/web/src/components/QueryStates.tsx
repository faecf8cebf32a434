import { Alert, Button, Center, Skeleton, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconMoodEmpty, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

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

export function ErrorResult({ title, onRetry }: { title: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="red"
      title={title}
      icon={<IconAlertTriangle aria-hidden="true" />}
      my="md"
      styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('common.errorBody')}</Text>
        {onRetry ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={onRetry}
          >
            {t('common.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
