import { Box, Card, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowRight, IconBuildingCommunity, IconCircleCheck, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../lib/auth';
import { canOpen, isRole, type Role } from '../../../lib/authorization';
import { Paragraph6Quote } from '../components/Paragraph6Quote';
import { PrinciplesGrid } from '../components/PrinciplesGrid';

const TASKS = ['first', 'second', 'third'] as const;

const SHORTCUTS = [
  { screen: 'countries', to: '/countries', icon: IconWorld },
  { screen: 'organizations', to: '/organizations', icon: IconBuildingCommunity },
] as const;

/** The welcome page: what the signed-in role does in the Fund, in its own words. */
export function OverviewRoute() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('nav.overview')} · ${t('app.name')}`);
  const { data: user } = useCurrentUser();
  if (!user) return null;
  const role: Role = isRole(user.role) ? user.role : 'donor';
  const shortcuts = SHORTCUTS.filter((shortcut) => canOpen(role, shortcut.screen));

  return (
    <Stack gap="xl">
      <Paper
        radius="lg"
        p={{ base: 'lg', sm: 'xl' }}
        withBorder
        style={{ borderInlineStart: '6px solid var(--mantine-color-unBlue-7)' }}
      >
        <Stack gap="md">
          <Text size="sm" fw={600} c="unBlue.8" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {t(`roles.${role}`)}
          </Text>
          <Title order={1} fz={{ base: 26, sm: 32 }}>
            {t('overview.greeting', { name: user.name })}
          </Title>
          <Text fz="lg" maw={760}>
            {t(`overview.roles.${role}.intro`)}
          </Text>
          <List
            spacing="sm"
            lh={1.55}
            icon={
              <ThemeIcon color="unBlue" variant="light" size={26} radius="xl" aria-hidden="true">
                <IconCircleCheck size={16} />
              </ThemeIcon>
            }
          >
            {TASKS.map((task) => (
              <List.Item key={task}>{t(`overview.roles.${role}.tasks.${task}`)}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>

      <Paragraph6Quote />

      <Box component="section" aria-labelledby="principles-heading">
        <Title order={2} id="principles-heading" fz={22} mb={4}>
          {t('overview.principles.title')}
        </Title>
        <Text c="dimmed" mb="md" maw={760}>
          {t('overview.principles.intro')}
        </Text>
        <PrinciplesGrid />
      </Box>

      <Box component="section" aria-labelledby="screens-heading">
        <Title order={2} id="screens-heading" fz={22} mb="md">
          {t('overview.screens.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {shortcuts.map(({ screen, to, icon: Icon }) => (
            <Card
              key={screen}
              component={Link}
              to={to}
              withBorder
              radius="md"
              padding="lg"
              className="shortcut-card"
            >
              <Group wrap="nowrap" align="flex-start" gap="md">
                <ThemeIcon size={44} radius="md" variant="light" color="unBlue" aria-hidden="true">
                  <Icon size={24} />
                </ThemeIcon>
                <Stack gap={4} style={{ flex: 1 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text fw={650} c="unBlue.8">
                      {t(`nav.${screen}`)}
                    </Text>
                    <IconArrowRight
                      size={16}
                      aria-hidden="true"
                      className="directional-icon"
                      color="var(--mantine-color-unBlue-8)"
                    />
                  </Group>
                  <Text size="sm" c="dimmed">
                    {t(`overview.screens.${screen}`)}
                  </Text>
                </Stack>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </Box>
    </Stack>
  );
}
