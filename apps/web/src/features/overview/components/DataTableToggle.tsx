import { Box, Button, Group } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import { IconTable, IconTableOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A button that shows or hides the figures of a chart as a table. */
export function DataTableToggle({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, { toggle }] = useDisclosure(false);
  return (
    <>
      <Group justify="flex-end">
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={toggle}
          aria-expanded={open}
          aria-controls={id}
          leftSection={
            open ? <IconTableOff size={16} aria-hidden="true" /> : <IconTable size={16} aria-hidden="true" />
          }
        >
          {open ? t('dashboard.table.hide') : t('dashboard.table.show')}
        </Button>
      </Group>
      <Box id={id} hidden={!open}>
        {open ? children : null}
      </Box>
    </>
  );
}
