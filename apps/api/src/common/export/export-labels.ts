import { ar } from './labels/ar';
import { en, type ExportLabelKey, type ExportLabels } from './labels/en';
import { es } from './labels/es';
import { fr } from './labels/fr';
import { ru } from './labels/ru';
import { zh } from './labels/zh';

export type { ExportLabelKey } from './labels/en';

/** The languages of the product; an export's headers are written in the reader's. */
export const EXPORT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * Column headers by language, one table each (labels/*.ts), as the web keeps its locale files. Keys
 * are shared across lists where the word is the same (a code is a code), so each list's columns name
 * keys and never carry words.
 */
export const EXPORT_LABELS: Record<ExportLanguage, ExportLabels> = { en, fr, es, ar, zh, ru };

export function exportLabel(key: ExportLabelKey, language: ExportLanguage): string {
  return EXPORT_LABELS[language][key];
}
