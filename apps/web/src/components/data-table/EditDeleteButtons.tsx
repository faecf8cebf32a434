import { Button, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';

interface EditDeleteButtonsProps {
  /** The buttons' visible words ("Edit", "Delete"). */
  editText: string;
  deleteText: string;
  /** Their accessible names, which say which row they act on ("Edit the strategy …"). */
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** A row's edit and delete buttons, for the actions column of a list staff can change. */
export function EditDeleteButtons({
  editText,
  deleteText,
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
}: EditDeleteButtonsProps) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="subtle"
        leftSection={<IconPencil size={16} aria-hidden="true" />}
        onClick={onEdit}
        aria-label={editLabel}
      >
        {editText}
      </Button>
      <Button
        size="compact-sm"
        variant="subtle"
        color="red"
        c="red.9"
        leftSection={<IconTrash size={16} aria-hidden="true" />}
        onClick={onDelete}
        aria-label={deleteLabel}
      >
        {deleteText}
      </Button>
    </Group>
  );
}
