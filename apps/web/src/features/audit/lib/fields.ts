import { isStage } from '@hstf/domain';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../../lib/audit-words';
import { useProjectFormat } from '../../../lib/project-format';

/** Bookkeeping every change moves: shown only when the reader asks for every field. */
export const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'version',
  'updatedAt',
  'createdAt',
  'updated_at',
  'created_at',
]);

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MONEY_FIELDS = /(budget|amount|amountUsd)$/i;
const COUNTRY = /^[A-Z]{3}$/;

/**
 * Field names and values of audited records as a reader says them: labels in the reader's
 * language, calendar dates and instants formatted, money as money, stages and countries by name,
 * yes and no for flags. Lists and objects stay as JSON: they are rare and their shape is the record's.
 */
export function useAuditFields() {
  const { t } = useTranslation();
  const format = useProjectFormat();

  const label = (field: string): string => fieldLabel(t, field);

  const scalar = (field: string, value: unknown): string | null => {
    if (typeof value === 'boolean') return t(value ? 'audit.diff.yes' : 'audit.diff.no');
    if (typeof value === 'number') return format.number(value);
    if (typeof value !== 'string') return null;
    if (CALENDAR_DATE.test(value)) return format.date(value);
    if (INSTANT.test(value)) return format.dateTime(value);
    if (field === 'stage' && isStage(value)) return t(`projects.stages.${value}`);
    if (MONEY_FIELDS.test(field) && /^-?\d+(\.\d+)?$/.test(value)) return format.money(value);
    if (/country|countries/i.test(field) && COUNTRY.test(value)) return format.country(value);
    return value;
  };

  /** The value as text; '' when there is none. */
  const value = (field: string, raw: unknown): string => {
    if (raw === undefined || raw === null || raw === '') return '';
    const one = scalar(field, raw);
    if (one !== null) return one;
    if (Array.isArray(raw) && raw.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return format.shortList(raw.map((item) => scalar(field, item) ?? String(item)));
    }
    return JSON.stringify(raw, null, 2);
  };

  return { label, value };
}
