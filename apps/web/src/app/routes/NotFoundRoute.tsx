import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowBack } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** What an unknown address, or a screen the role may not open, shows (404, not 403: DESIGN.md §5). */
export function NotFoundRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notFound.title')} · ${t('app.name')}`);
  return (
    <Center py={80}>
      <Stack align="center" gap="md" maw={480} ta="center">
        <Text fz={64} fw={800} c="unBlue.7" lh={1} aria-hidden="true">
          404
        </Text>
        <Title order={1} fz={26}>
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.body')}</Text>
        <Button component={Link} to="/" leftSection={<IconArrowBack size={18} aria-hidden="true" />}>
          {t('notFound.home')}
        </Button>
      </Stack>
    </Center>
  );
}
