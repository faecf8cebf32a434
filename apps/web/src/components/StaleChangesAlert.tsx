import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface StaleChangesAlertProps {
  /** The wording defaults to the app's common one (i18n `stale.*`); a form may say it its own way. */
  title?: string;
  body?: string;
  /** One line per field someone else changed meanwhile. */
  changes: ReactNode[];
  /** Said instead of the list when the other save changed nothing this form shows. */
  noChanges?: string;
  keepMine?: string;
  takeTheirs?: string;
  saving: boolean;
  onTakeTheirs: () => void;
}

/**
 * A record form's answer to 409: someone saved the record while it was open. What was typed stays;
 * the user either saves it over the latest version (the submit button) or takes the latest instead.
 */
export function StaleChangesAlert({
  title,
  body,
  changes,
  noChanges,
  keepMine,
  takeTheirs,
  saving,
  onTakeTheirs,
}: StaleChangesAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={title ?? t('stale.title')}
      // Mantine's orange title is 2.9:1 on its light background; this brown is 7:1 (WCAG AA).
      styles={{ title: { color: '#8a3a00' } }}
    >
      <Stack gap="xs">
        <Text size="sm">{body ?? t('stale.body')}</Text>
        {changes.length ? (
          <List size="sm">
            {changes.map((change, index) => (
              <List.Item key={index}>{change}</List.Item>
            ))}
          </List>
        ) : noChanges ? (
          <Text size="sm">{noChanges}</Text>
        ) : null}
        <Group gap="sm">
          <Button size="xs" type="submit" loading={saving}>
            {keepMine ?? t('stale.keepMine')}
          </Button>
          <Button size="xs" variant="default" onClick={onTakeTheirs}>
            {takeTheirs ?? t('stale.takeTheirs')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
