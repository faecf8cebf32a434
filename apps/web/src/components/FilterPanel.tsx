import { NativeSelect, Paper, TextInput } from '@mantine/core';
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

interface FilterSelectProps<Value extends string | number> {
  label: string;
  /** The empty choice, which filters nothing. */
  all: string;
  value: Value | null;
  choices: readonly Value[];
  choiceLabel: (choice: Value) => string;
  onChange: (value: Value | null) => void;
  error?: ReactNode;
}

/** A filter on one value of a closed list, or none: the empty choice is null. */
export function FilterSelect<Value extends string | number>({
  label,
  all,
  value,
  choices,
  choiceLabel,
  onChange,
  error,
}: FilterSelectProps<Value>) {
  return (
    <NativeSelect
      label={label}
      value={value === null ? '' : String(value)}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        onChange(choices.find((choice) => String(choice) === chosen) ?? null);
      }}
      error={error}
    >
      <option value="">{all}</option>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {choiceLabel(choice)}
        </option>
      ))}
    </NativeSelect>
  );
}
