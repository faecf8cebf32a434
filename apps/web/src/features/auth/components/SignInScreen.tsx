import { Anchor, Box, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChecklist, IconClipboardCheck, IconCoin, IconScale } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from '../../../components/BrandMark';
import { LanguagePicker } from '../../../components/LanguagePicker';
import classes from './SignInScreen.module.css';

const HIGHLIGHTS = [
  { key: 'lifecycle', icon: IconChecklist },
  { key: 'principles', icon: IconScale },
  { key: 'paragraph6', icon: IconClipboardCheck },
  { key: 'contributions', icon: IconCoin },
] as const;

/**
 * The sign-in page around its form: what the route shows to a reader without a session, and what
 * the build draws for the API to send before any script has run (../prerender).
 */
export function SignInScreen({ form }: { form: ReactNode }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing={0} className={classes.page}>
      <Box component="main" className={classes.formSide} id="main-content">
        <Group justify="flex-end" className={classes.topBar}>
          <LanguagePicker size="sm" w={160} />
        </Group>
        <Paper className={classes.card} p={{ base: 'lg', sm: 40 }} radius="lg" withBorder shadow="sm">
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={1} fz={28}>
                {t('auth.title')}
              </Title>
              <Text c="dimmed">{t('auth.subtitle')}</Text>
            </Stack>
            {form}
            <Anchor component={Link} to="/set-password" size="sm" ta="center">
              {t('auth.forgot')}
            </Anchor>
            <Text size="xs" c="dimmed" ta="center">
              {t('auth.help')}
            </Text>
          </Stack>
        </Paper>
      </Box>
      <Box component="aside" className={classes.brand} aria-labelledby="brand-heading">
        <Stack gap="xl" className={classes.brandInner}>
          <Group gap="sm" wrap="nowrap">
            <BrandMark size={44} inverted />
            <Text fw={700} fz={22} c="white">
              {t('app.name')}
            </Text>
          </Group>
          <Stack gap="sm">
            <Title order={2} id="brand-heading" c="white" fz={{ base: 26, lg: 32 }} lh={1.25}>
              {t('app.tagline')}
            </Title>
            <Text c="unBlue.0" fz="md" lh={1.6}>
              {t('auth.context')}
            </Text>
          </Stack>
          <List spacing="md" listStyleType="none" className={classes.highlights}>
            {HIGHLIGHTS.map(({ key, icon: Icon }) => (
              <List.Item
                key={key}
                icon={
                  <ThemeIcon size={34} radius="md" color="white" variant="white" aria-hidden="true">
                    <Icon size={20} color="var(--mantine-color-unBlue-8)" />
                  </ThemeIcon>
                }
              >
                <Text c="white" fz="sm" lh={1.5}>
                  {t(`auth.highlights.${key}`)}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text c="unBlue.1" fz="xs" className={classes.established}>
            {t('auth.established')}
          </Text>
        </Stack>
      </Box>
    </SimpleGrid>
  );
}
