import { Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import type { WriteFailure } from '../lib/field-errors';
import { FormModalFooter } from './FormModalFooter';
import { staleAlertFor, type StaleState, type StaleWording } from './stale-alert';

export interface FormModalProps {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The modal's close button, named like the form's Cancel. */
  closeLabel: string;
  size?: ModalProps['size'];
  children: ReactNode;
}

/**
 * A dashboard form's modal. The form is mounted only while the modal is open, so each opening starts
 * from the record as read, not from what was typed last time.
 */
export function FormModal({ opened, onClose, title, closeLabel, size, children }: FormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      centered
      closeButtonProps={{ 'aria-label': closeLabel }}
    >
      {opened ? children : null}
    </Modal>
  );
}

/** What ModalForm reads of useFormModal (lib/use-form-modal). */
export interface ModalFormState<Key> {
  record: unknown;
  stale: StaleState<Key>;
  update: { isPending: boolean; reset: () => void };
  mutation: { isPending: boolean };
  failure: WriteFailure | null;
  failed: boolean;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
}

export interface ModalFormProps<Key> {
  modal: ModalFormState<Key>;
  /** The form's accessible name, where the modal's title does not give it. */
  label?: string;
  /** A line of the stale alert for a field the other save changed; null for one it does not name. */
  describe: (field: Key) => ReactNode;
  staleWording?: StaleWording;
  failureTitle: string;
  /** Said when the refusal names nothing the form can show. */
  tryAgain: string;
  /** The form's own words for the refusal, in place of the server's. */
  failureMessage?: ReactNode;
  /** A refusal the form already says at a field (a duplicate name), so no alert repeats it. */
  failureShown?: boolean;
  cancelLabel: string;
  createLabel: string;
  saveLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/** The form in a dashboard modal: its fields, then the stale-version alert or the refusal, then the buttons. */
export function ModalForm<Key>({
  modal,
  label,
  describe,
  staleWording,
  failureTitle,
  tryAgain,
  failureMessage,
  failureShown = false,
  cancelLabel,
  createLabel,
  saveLabel,
  onCancel,
  children,
}: ModalFormProps<Key>) {
  const others = modal.failure?.others ?? [];
  return (
    <form onSubmit={modal.onSubmit} noValidate aria-label={label}>
      <Stack gap="md">
        {children}
        <FormModalFooter
          staleAlert={staleAlertFor(modal.stale, modal.update, describe, staleWording)}
          failure={
            modal.failed && !failureShown
              ? {
                  title: failureTitle,
                  message: failureMessage ?? (others.length ? others.join(' ') : tryAgain),
                }
              : null
          }
          onCancel={onCancel}
          cancelLabel={cancelLabel}
          submitLabel={modal.record ? saveLabel : createLabel}
          submitting={modal.mutation.isPending}
        />
      </Stack>
    </form>
  );
}
