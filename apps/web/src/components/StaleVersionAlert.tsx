import { Alert, Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface StaleAction {
  label?: string;
  /** Without it the button submits the form, which already holds the user's input on the latest version. */
  onClick?: () => void;
  loading?: boolean;
}

export interface StaleVersionAlertProps {
  /** The wording defaults to the app's common one (i18n `stale.*`); a form may say it its own way. */
  title?: string;
  body?: string;
  /** One line per field someone else changed meanwhile; null while the latest version is read. */
  changes: ReactNode[] | null;
  /** Said instead of the list when the other save changed nothing this form shows. */
  noChanges?: string;
  /** By default "save my changes over theirs", submitting the form that holds them. */
  primary?: StaleAction;
  /** By default "use their version": the latest values in place of the user's. */
  secondary: StaleAction & { onClick: () => void };
}

/**
 * Every form's and dialog's answer to 409: someone saved the record while it was open. What was typed
 * stays in the form; the alert says what the other save changed and offers the latest values.
 */
export function StaleVersionAlert({
  title,
  body,
  changes,
  noChanges,
  primary,
  secondary,
}: StaleVersionAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      role="alert"
      data-testid="stale-alert"
      icon={<IconAlertTriangle aria-hidden="true" />}
      title={title ?? t('stale.title')}
      // Mantine's orange title is 2.9:1 on its light background; this brown is 7:1 (WCAG AA).
      styles={{ title: { color: '#8a3a00' } }}
    >
      <Stack gap="xs">
        <Text size="sm">{body ?? t('stale.body')}</Text>
        {changes === null ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">{t('stale.loading')}</Text>
          </Group>
        ) : changes.length ? (
          <List size="sm" spacing={4}>
            {changes.map((change, index) => (
              <List.Item key={index}>{change}</List.Item>
            ))}
          </List>
        ) : noChanges ? (
          <Text size="sm">{noChanges}</Text>
        ) : null}
        {changes !== null ? (
          <Group gap="sm">
            <Button
              size="xs"
              type={primary?.onClick ? 'button' : 'submit'}
              onClick={primary?.onClick}
              loading={primary?.loading}
            >
              {primary?.label ?? t('stale.keepMine')}
            </Button>
            <Button size="xs" variant="default" onClick={secondary.onClick} loading={secondary.loading}>
              {secondary.label ?? t('stale.takeTheirs')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}
