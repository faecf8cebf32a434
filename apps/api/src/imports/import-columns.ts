import type { AuditService } from '../audit';
import type { ExportLanguage } from '../common/export/export-labels';
import { FieldError, Problem } from '../common/problem-details/problem';
import type { ImportColumn, ImportKindDefinition } from './import-kinds';
import { headerNames, importLabel, normalHeader } from './import-labels';
import type { ImportFieldChange } from './imports.dto';

/** Where each column of the template sits in the file, under the header the file gives it. */
export interface MappedColumn {
  column: ImportColumn;
  index: number;
  header: string;
}

/** What a feature's update wrote to the audit trail: the record before and after. */
export type AuditedUpdate = Parameters<AuditService['recordUpdate']>[2];

/**
 * Which template column each header of the file is: by its label in any language or its field
 * name. An unknown or repeated header, or a required column missing, refuses the file (400).
 */
export function mapHeaders(
  definition: ImportKindDefinition,
  headers: string[],
  language: ExportLanguage,
): MappedColumn[] {
  const errors: FieldError[] = [];
  const mapped: MappedColumn[] = [];
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    const name = normalHeader(header);
    const column = definition.columns.find((candidate) =>
      headerNames(candidate.label, candidate.field).includes(name),
    );
    if (!column) {
      errors.push({ field: header, message: 'is not a column of this import (the template lists them)' });
    } else if (mapped.some((other) => other.column === column)) {
      errors.push({ field: header, message: 'appears twice' });
    } else {
      mapped.push({ column, index, header: header.trim() });
    }
  });
  for (const column of definition.columns) {
    if (column.required && !mapped.some((other) => other.column === column)) {
      errors.push({ field: importLabel(column.label, language), message: 'is a required column, missing' });
    }
  }
  if (errors.length) {
    throw Problem.validation(errors, "The file's header row does not match the import's template.");
  }
  return mapped;
}

/** Each field an update changed, from the record before to after, under the header the file gives it. */
export function fieldChanges(
  definition: ImportKindDefinition,
  columns: MappedColumn[],
  change: AuditedUpdate,
): ImportFieldChange[] {
  const before = definition.shown((change.before ?? {}) as Record<string, unknown>);
  const after = definition.shown((change.after ?? {}) as Record<string, unknown>);
  return definition.columns
    .filter((column) => (before[column.field] ?? '') !== (after[column.field] ?? ''))
    .map((column) => ({
      field: column.field,
      column: columns.find((mapped) => mapped.column === column)?.header ?? importLabel(column.label, 'en'),
      from: before[column.field] ?? '',
      to: after[column.field] ?? '',
    }));
}

export function cellValue(column: ImportColumn, text: string): unknown {
  const list = () =>
    text
      .split(';')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const whole = (item: string) => (/^-?\d+$/.test(item) ? Number(item) : item);
  switch (column.cell) {
    case 'list':
      return list();
    case 'integer':
      return whole(text);
    case 'integers':
      return list().map(whole);
    default:
      return text;
  }
}
