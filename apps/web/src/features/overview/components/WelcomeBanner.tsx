import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../lib/authorization';

interface WelcomeBannerProps {
  role: Role;
  name: string;
  /** Beside the greeting: the date of the figures, a link. */
  aside?: ReactNode;
  children?: ReactNode;
}

/** The greeting and what the role does in the Fund, in its own words. */
export function WelcomeBanner({ role, name, aside, children }: WelcomeBannerProps) {
  const { t } = useTranslation();
  return (
    <Paper
      radius="lg"
      p={{ base: 'lg', sm: 'xl' }}
      withBorder
      style={{ borderInlineStart: '6px solid var(--mantine-color-unBlue-7)' }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} maw={780}>
            <Text size="sm" fw={600} c="unBlue.8" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
              {t(`roles.${role}`)}
            </Text>
            <Title order={1} fz={{ base: 26, sm: 30 }}>
              {t('overview.greeting', { name })}
            </Title>
            <Text fz="md">{t(`overview.roles.${role}.intro`)}</Text>
          </Stack>
          {aside}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
