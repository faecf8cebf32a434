import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_STYLES } from '../lib/colors';

export interface FormFailure {
  title: string;
  message: ReactNode;
  icon?: ReactNode;
}

export interface FormModalFooterProps {
  /**
   * The StaleVersionAlert while another save stands between the form and its record. The alert
   * carries its own "save mine" button, so the footer's submit steps aside meanwhile.
   */
  staleAlert?: ReactNode;
  /** A refusal no field carries (the fields show their own); hidden while the stale alert shows. */
  failure?: FormFailure | null;
  onCancel: () => void;
  cancelLabel?: string;
  submitLabel: string;
  submitting: boolean;
  /** A decision that cannot be undone (reject, withdraw) is red. */
  submitColor?: string;
}

/**
 * The end of every dashboard form in a modal: what went wrong (someone else's save, or a refusal
 * that belongs to no field), then Cancel and the submit. One place, so every form answers the same.
 */
export function FormModalFooter({
  staleAlert,
  failure,
  onCancel,
  cancelLabel,
  submitLabel,
  submitting,
  submitColor,
}: FormModalFooterProps) {
  const { t } = useTranslation();
  const stale = Boolean(staleAlert);
  return (
    <>
      {stale ? (
        staleAlert
      ) : failure ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={failure.icon}
          title={failure.title}
          styles={ALERT_STYLES}
        >
          {failure.message}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {cancelLabel ?? t('common.cancel')}
        </Button>
        {stale ? null : (
          <Button type="submit" loading={submitting} color={submitColor}>
            {submitLabel}
          </Button>
        )}
      </Group>
    </>
  );
}
