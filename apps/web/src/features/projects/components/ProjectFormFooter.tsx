import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ALERT_STYLES } from '../../../lib/colors';

export interface ProjectFormFooterProps {
  /** A refusal no field carries (the fields and the error summary show their own). */
  failure: ReactNode;
  /** Where Cancel leads: the project, or the list for a new one. */
  cancelTo: string;
  submitLabel: string;
  submitting: boolean;
  /** While someone else's save waits for the user's choice, the form is not sent as it stands. */
  disabled?: boolean;
}

/** The end of the project's create and edit pages: what went wrong, then Cancel and the save, kept in view. */
export function ProjectFormFooter({
  failure,
  cancelTo,
  submitLabel,
  submitting,
  disabled,
}: ProjectFormFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      {failure ? (
        <Alert
          color="red"
          variant="light"
          title={t('projects.form.saveFailed')}
          role="alert"
          styles={ALERT_STYLES}
        >
          {failure}
        </Alert>
      ) : null}
      <Group
        justify="flex-end"
        gap="sm"
        pos="sticky"
        bottom={0}
        py="sm"
        bg="var(--mantine-color-body)"
        style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 5 }}
      >
        <Button variant="default" component={Link} to={cancelTo}>
          {t('projects.actions.cancel')}
        </Button>
        <Button type="submit" loading={submitting} disabled={disabled}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
