import { Center, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';

// Beside QueryStates, whose table skeleton brings Mantine's Table (and the ScrollArea and
// floating-ui behind it): the overview's sections show this without any table.
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
