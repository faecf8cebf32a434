import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconGitCompare } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useProjectFormat } from '../../../lib/project-format';
import type { Project } from '../api/types';
import {
  changedFields,
  projectToValues,
  type ProjectFieldKey,
  type ProjectFormValues,
} from '../lib/project-form';
import { ALERT_STYLES } from '../../../lib/colors';

interface StaleVersionAlertProps {
  stale: { latest: Project | null; currentVersion: number };
  baseline: ProjectFormValues;
  values: ProjectFormValues;
  onReapply: () => void;
  onOverwrite: () => void;
  saving: boolean;
}

/**
 * Someone saved the project while it was being edited (409). Nothing typed is lost: the form keeps
 * it, says what changed on each side, and offers to reapply it on the latest version or to overwrite.
 */
export function StaleVersionAlert({
  stale,
  baseline,
  values,
  onReapply,
  onOverwrite,
  saving,
}: StaleVersionAlertProps) {
  const { t } = useTranslation();
  const format = useProjectFormat();
  const theirs = stale.latest ? changedFields(baseline, projectToValues(stale.latest)) : [];
  const mine = changedFields(baseline, values);
  const both = theirs.filter((field) => mine.includes(field));
  const name = (field: ProjectFieldKey) => t(`projects.fields.${field}`);

  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitCompare aria-hidden="true" />}
      title={t('projects.stale.title')}
      role="alert"
      data-testid="stale-alert"
      styles={ALERT_STYLES}
    >
      <Stack gap="sm">
        <Text size="sm">{t('projects.stale.body', { version: stale.currentVersion })}</Text>
        {!stale.latest ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{t('projects.stale.loading')}</Text>
          </Group>
        ) : (
          <>
            <List size="sm" spacing={4}>
              <List.Item>
                {theirs.length
                  ? t('projects.stale.theirs', { fields: format.shortList(theirs.map(name)) })
                  : t('projects.stale.theirsNone')}
              </List.Item>
              <List.Item>
                {t('projects.stale.mine', { fields: format.shortList(mine.map(name)) || '—' })}
              </List.Item>
              {both.length ? (
                <List.Item fw={600}>
                  {t('projects.stale.both', { fields: format.shortList(both.map(name)) })}
                </List.Item>
              ) : null}
            </List>
            <Group gap="sm">
              <Button size="sm" onClick={onReapply}>
                {t('projects.stale.reapply')}
              </Button>
              <Button size="sm" variant="default" onClick={onOverwrite} loading={saving}>
                {t('projects.stale.overwrite')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Alert>
  );
}
