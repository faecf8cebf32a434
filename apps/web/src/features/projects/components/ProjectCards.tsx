import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CardList } from '../../../components/data-table/CardList';
import { ComplianceBadge, StageBadge } from '../../../components/Badges';
import { useProjectFormat } from '../../../lib/project-format';
import type { ProjectSummary } from '../api/types';
import { useTranslatedText } from '../../../lib/translated-text';

interface ProjectCardsProps {
  projects: ProjectSummary[];
  loading: boolean;
  refreshing?: boolean;
  countryNames?: ReadonlyMap<string, string>;
}

/**
 * The portfolio on a phone: one card a project, with what the table's row says, read top to bottom
 * instead of scrolled sideways. The order is the list's sort, chosen above it.
 */
export function ProjectCards({ projects, loading, refreshing = false, countryNames }: ProjectCardsProps) {
  const { t } = useTranslation();
  const translate = useTranslatedText();
  const format = useProjectFormat();
  return (
    <CardList
      label={t('projects.title')}
      items={projects}
      getKey={(project) => project.id}
      loading={loading}
      refreshing={refreshing}
      itemProps={(project) => ({ 'data-project': project.code })}
      testId="project-cards"
    >
      {(project) => (
        <Stack gap={6}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text span ff="monospace" size="sm" dir="ltr">
              {project.code}
            </Text>
            <StageBadge stage={project.stage} size="sm" />
          </Group>
          <Anchor component={Link} to={`/projects/${project.id}`} fw={600} lh={1.35} dir="auto">
            {translate(project.title, project.titleTranslations)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {format.shortList(project.countries.map((iso3) => format.country(iso3, countryNames?.get(iso3))))}
          </Text>
          {project.paragraph6 ? (
            <Group gap="xs">
              <ComplianceBadge status={project.paragraph6} size="sm" />
            </Group>
          ) : null}
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {project.approvedBudget !== null
                ? format.money(project.approvedBudget)
                : `${format.money(project.requestedBudget)} · ${t('projects.table.requested')}`}
            </Text>
            <Text size="sm" c="dimmed">
              {project.endDate
                ? `${format.date(project.startDate)} – ${format.date(project.endDate)}`
                : format.date(project.startDate)}
            </Text>
          </Group>
        </Stack>
      )}
    </CardList>
  );
}
