import { Modal, Stack, Text, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormModalFooter, type FormModalFooterProps } from './FormModalFooter';

export interface FormDialogProps {
  title: ReactNode;
  /** The dialog's close button, named like the form's Cancel. */
  closeLabel: string;
  onClose: () => void;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  size?: ModalProps['size'];
  /** The footer's alert, refusal and buttons; its Cancel closes the dialog. */
  footer: Omit<FormModalFooterProps, 'onCancel'>;
  children: ReactNode;
}

/**
 * A dialog holding one form, mounted by its opener while it shows: the title, the fields, then the
 * shared footer. For the forms that save through one mutation of their own (a project's alignment
 * and consent records); the forms built on useFormModal use ModalForm.
 */
export function FormDialog({
  title,
  closeLabel,
  onClose,
  onSubmit,
  size,
  footer,
  children,
}: FormDialogProps) {
  return (
    <Modal
      opened
      onClose={onClose}
      size={size}
      closeButtonProps={{ 'aria-label': closeLabel }}
      title={<Text fw={700}>{title}</Text>}
    >
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="md">
          {children}
          <FormModalFooter {...footer} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
