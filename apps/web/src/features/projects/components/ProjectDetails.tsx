import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../api/types';
import { useProjectFormat } from '../../../lib/project-format';
import { NARRATIVE_FIELDS, NARRATIVE_PRINCIPLE } from '../lib/project-form';
import { ToneBadge } from '../../../components/Badges';
import { useTranslatedText } from '../../../lib/translated-text';

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </Stack>
  );
}

/** What the project is: its summary, scope, people, dates, and the five narratives. */
export function ProjectDetails({ project }: { project: Project }) {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const format = useProjectFormat();
  const none = (
    <Text span c="dimmed" size="sm">
      {t('projects.details.none')}
    </Text>
  );

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="summary-heading">
        <Title order={2} fz="lg" id="summary-heading" mb="xs">
          {t('projects.fields.summary')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }} dir="auto">
          {translate(project.summary, project.summaryTranslations) || t('projects.details.noSummary')}
        </Text>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 4 }} spacing="md" mt="lg" mb={0}>
          <Item label={t('projects.fields.window')}>{t('projects.window', { window: project.window })}</Item>
          <Item label={t('projects.fields.startDate')}>{format.date(project.startDate)}</Item>
          <Item label={t('projects.fields.endDate')}>{format.date(project.endDate)}</Item>
          <Item label={t('projects.fields.targetBeneficiaries')}>
            {project.targetBeneficiaries === null ? none : format.number(project.targetBeneficiaries)}
          </Item>
          <Item label={t('projects.fields.requestedBudget')}>{format.money(project.requestedBudget)}</Item>
          <Item label={t('projects.fields.approvedBudget')}>
            {project.approvedBudget ? format.money(project.approvedBudget) : none}
          </Item>
          <Item label={t('projects.fields.coFunding')}>{format.money(project.coFunding)}</Item>
          <Item label={t('projects.fields.sdgs')}>
            {project.sdgs.length
              ? format.shortList(project.sdgs.map((sdg) => t('projects.sdg', { number: format.number(sdg) })))
              : none}
          </Item>
        </SimpleGrid>
      </Paper>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="dimensions-heading">
          <Title order={2} fz="md" id="dimensions-heading" mb="sm">
            {t('projects.fields.dimensions')}
          </Title>
          <Group gap={6}>
            {project.dimensions.length
              ? project.dimensions.map((dimension) => (
                  <ToneBadge key={dimension} tone="indigo">
                    {t(`projects.dimensions.${dimension}`)}
                  </ToneBadge>
                ))
              : none}
          </Group>
        </Paper>
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="groups-heading">
          <Title order={2} fz="md" id="groups-heading" mb="sm">
            {t('projects.fields.vulnerableGroups')}
          </Title>
          <Group gap={6}>
            {project.vulnerableGroups.length
              ? project.vulnerableGroups.map((group) => (
                  <ToneBadge key={group} tone="teal">
                    {t(`projects.groups.${group}`)}
                  </ToneBadge>
                ))
              : none}
          </Group>
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="narratives-heading">
        <Title order={2} fz="lg" id="narratives-heading" mb="md">
          {t('projects.details.narratives')}
        </Title>
        <Stack gap="md">
          {NARRATIVE_FIELDS.map((field) => (
            <Stack key={field} gap={4}>
              <Title order={3} fz="sm">
                {t(`projects.principles.${NARRATIVE_PRINCIPLE[field]}`)}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} dir="auto">
                {project.narratives[field] || t('projects.details.noNarrative')}
              </Text>
            </Stack>
          ))}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Stack gap={4}>
              <Title order={3} fz="sm">
                {t('projects.fields.protectionMeasures')}
              </Title>
              <Text size="sm" dir="auto">
                {project.protectionMeasures || t('projects.details.noNarrative')}
              </Text>
            </Stack>
            <Stack gap={4}>
              <Title order={3} fz="sm">
                {t('projects.fields.empowermentMeasures')}
              </Title>
              <Text size="sm" dir="auto">
                {project.empowermentMeasures || t('projects.details.noNarrative')}
              </Text>
            </Stack>
          </SimpleGrid>
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="declarations-heading">
        <Title order={2} fz="md" id="declarations-heading" mb="sm">
          {t('projects.paragraph3.title')}
        </Title>
        <Stack gap={6}>
          {(['noCoercion', 'distinctFromR2p'] as const).map((key) => (
            <Group key={key} gap={8} wrap="nowrap" align="flex-start">
              {project.declarations[key] ? (
                <IconCircleCheck
                  size={18}
                  color="var(--mantine-color-green-8)"
                  style={{ flexShrink: 0 }}
                  aria-hidden="true"
                />
              ) : (
                <IconCircleDashed
                  size={18}
                  color="var(--mantine-color-orange-8)"
                  style={{ flexShrink: 0 }}
                  aria-hidden="true"
                />
              )}
              <Text size="sm">
                {t(`projects.paragraph3.${key}`)} —{' '}
                {project.declarations[key]
                  ? t('projects.paragraph3.declared')
                  : t('projects.paragraph3.notDeclared')}
              </Text>
            </Group>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}
