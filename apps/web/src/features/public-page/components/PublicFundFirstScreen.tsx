import { Anchor, Container, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandMark } from '../../../components/BrandMark';
import { LanguagePicker } from '../../../components/LanguagePicker';

/**
 * What a phone shows of /fund before any scrolling: the page's heading and the Fund's three figures.
 * The API sends it prerendered in the page itself (prerender/first-screens.tsx renders these very
 * components at build time), so it is painted before any script runs; React then draws the same.
 */

/** The three headline figures, already formatted for the reader (or "…" while they load). */
export interface FigureTexts {
  received: string;
  committed: string;
  transferred: string;
}

/** The page's column: the prerendered first screen sits in the same one, so nothing moves when React draws. */
export function PublicFundFrame({ children }: { children: ReactNode }) {
  return (
    // The page's one landmark: a visitor's screen reader finds the whole public page in it.
    <Container component="main" id="main-content" size="lg" py="xl">
      <Stack gap="xl">{children}</Stack>
    </Container>
  );
}

export function PublicSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  );
}

/** The brand, the way to sign in, the language picker, the title and what the page is. */
export function PublicFundHeading() {
  const { t } = useTranslation();
  return (
    <>
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <BrandMark />
          <Text fw={700}>{t('app.name')}</Text>
        </Group>
        <Group gap="sm">
          <Anchor component={Link} to="/sign-in" size="sm">
            {t('publicPage.signIn')}
          </Anchor>
          <LanguagePicker size="sm" w={160} />
        </Group>
      </Group>
      <Stack gap={4}>
        <Title order={1}>{t('publicPage.title')}</Title>
        <Text c="dimmed">{t('publicPage.intro')}</Text>
      </Stack>
    </>
  );
}

export function PublicFigures({ figures, busy }: { figures: FigureTexts; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <PublicSection id="public-figures" title={t('publicPage.figures.title')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} aria-busy={busy}>
        <Figure label={t('publicPage.figures.received')} value={figures.received} />
        <Figure label={t('publicPage.figures.committed')} value={figures.committed} />
        <Figure label={t('publicPage.figures.transferred')} value={figures.transferred} />
      </SimpleGrid>
    </PublicSection>
  );
}
