import { ActionIcon, Button, Checkbox, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconColumns3, IconTrash } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/format';
import type { ListTotal } from '../ListFooter';
import { visibleIds } from './column-choice';
import type { TableColumns } from './use-table-columns';
import { useSavedViews } from './saved-views';

/**
 * Which rows are on screen out of how many: "1–25 of 12,345" when the API counted them, "about"
 * and rounded when it estimated a large filter, and it says which.
 */
export function RowCount({ shown, total, hasMore }: { shown: number; total?: ListTotal; hasMore: boolean }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const range = { from: number(shown > 0 ? 1 : 0), to: number(shown) };
  const text =
    shown === 0
      ? t('tables.count.none')
      : !hasMore
        ? t('tables.count.exact', { ...range, total: number(shown) })
        : total?.exact
          ? t('tables.count.exact', { ...range, total: number(total.count) })
          : total
            ? t('tables.count.estimated', { ...range, total: number(Number(total.count.toPrecision(2))) })
            : t('tables.count.open', range);
  return (
    <Text size="sm" c="dimmed" data-testid="row-count" dir="auto">
      {text}
    </Text>
  );
}

function ColumnMenu({ table }: { table: TableColumns }) {
  const { t } = useTranslation();
  const hideable = table.columns.filter((column) => column.hideable);
  if (hideable.length === 0) return null;
  return (
    <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns3 size={16} aria-hidden="true" />}>
          {t('tables.columns.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('tables.columns.label')}</Menu.Label>
        <Stack gap={6} p="xs">
          {hideable.map((column) => (
            <Checkbox
              key={column.id}
              size="sm"
              label={column.label}
              checked={table.visibility[column.id] !== false}
              onChange={(event) => table.setVisible(column.id, event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Menu.Dropdown>
    </Menu>
  );
}

function ViewsMenu({ table }: { table: TableColumns }) {
  const { t } = useTranslation();
  const currentColumns = useCallback(
    () => visibleIds(table.columns, table.visibility),
    [table.columns, table.visibility],
  );
  const views = useSavedViews(table.listId, currentColumns);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    views.save(name);
    setNaming(false);
    setName('');
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" size="xs" leftSection={<IconBookmark size={16} aria-hidden="true" />}>
            {views.active ? t('tables.views.current', { name: views.active.name }) : t('tables.views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('tables.views.label')}</Menu.Label>
          {views.views.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" py={4}>
              {t('tables.views.none')}
            </Text>
          ) : (
            views.views.map((view) => (
              <Group key={view.name} gap={0} wrap="nowrap">
                <Menu.Item onClick={() => views.pick(view)} fw={views.active?.name === view.name ? 700 : 400}>
                  {view.name}
                </Menu.Item>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('tables.views.remove', { name: view.name })}
                  onClick={() => views.remove(view.name)}
                >
                  <IconTrash size={16} aria-hidden="true" />
                </ActionIcon>
              </Group>
            ))
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => setNaming(true)}>{t('tables.views.save')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming} onClose={() => setNaming(false)} title={t('tables.views.saveTitle')}>
        <form onSubmit={submit}>
          <Stack>
            <TextInput
              label={t('tables.views.name')}
              description={t('tables.views.nameHint')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setNaming(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('tables.views.confirm')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

interface TableToolbarProps {
  table: TableColumns;
  count?: { shown: number; total?: ListTotal; hasMore: boolean };
  /** Lists whose filters live in the address can save them as named views. */
  views?: boolean;
  /** False for a short list whose few columns all matter: no column menu. */
  columnChoice?: boolean;
  /** The list's own controls (its order, for instance), placed before the table's. */
  children?: ReactNode;
}

/** Above a list's table: how many rows it shows, and the reader's choice of columns and views. */
export function TableToolbar({
  table,
  count,
  views = false,
  columnChoice = true,
  children,
}: TableToolbarProps) {
  // A short list with no count, menus or controls of its own starts at its first row.
  if (!count && !views && !columnChoice && !children) return null;
  return (
    <Group justify="space-between" align="end" mb="sm" gap="sm">
      {count ? <RowCount {...count} /> : <span />}
      <Group gap="xs" align="end">
        {children}
        {views ? <ViewsMenu table={table} /> : null}
        {columnChoice ? <ColumnMenu table={table} /> : null}
      </Group>
    </Group>
  );
}
