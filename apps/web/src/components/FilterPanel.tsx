import { Paper, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SearchFilter } from '../lib/use-search-filter';

interface FilterPanelProps {
  label: string;
  /** Enter in a field: apply what waits for a pause in typing now. */
  onSubmit: () => void;
  children: ReactNode;
}

/** The box of a list's filters, a search landmark whose Enter applies the filters at once. */
export function FilterPanel({ label, onSubmit, children }: FilterPanelProps) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      mb="md"
      component="form"
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </Paper>
  );
}

/** The free-text search of a list's filters (lib/use-search-filter). */
export function SearchField({
  filter,
  label,
  placeholder,
}: {
  filter: SearchFilter;
  label: string;
  placeholder: string;
}) {
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      type="search"
      value={filter.search}
      onChange={(event) => filter.type(event.currentTarget.value)}
    />
  );
}
