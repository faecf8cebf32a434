import type { TFunction } from 'i18next';

/**
 * The words of the audit's names, shared by the audit log and the project's timeline: a kind of
 * record or an action in the reader's language, a field's label. A name without words yet shows as
 * the API names it (the wording test keeps every audited one worded in the six languages).
 */
export function entityLabel(t: TFunction, entity: string): string {
  return t(`audit.entities.${entity}` as 'audit.entities.project', { defaultValue: entity });
}

export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}` as 'audit.actions.create', { defaultValue: action });
}

/** `vulnerableGroups` → "Vulnerable groups": the words of a field no label was written for yet. */
export function fieldWords(field: string): string {
  const spaced = field
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function fieldLabel(t: TFunction, field: string): string {
  return t(`audit.fields.${field}` as 'audit.fields.title', { defaultValue: fieldWords(field) });
}
