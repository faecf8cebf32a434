import {
  EXPORT_LABELS,
  EXPORT_LANGUAGES,
  type ExportLabelKey,
  type ExportLanguage,
} from '../common/export/export-labels';

/** Headers an import reads that no export writes, in each language of the product. */
const IMPORT_ONLY_LABELS = {
  summary: { en: 'Summary', fr: 'Résumé', es: 'Resumen', ar: 'الملخص', zh: '摘要', ru: 'Краткое описание' },
  coFunding: {
    en: 'Co-funding',
    fr: 'Cofinancement',
    es: 'Cofinanciación',
    ar: 'التمويل المشترك',
    zh: '共同供资',
    ru: 'Софинансирование',
  },
  targetBeneficiaries: {
    en: 'Target beneficiaries',
    fr: 'Bénéficiaires visés',
    es: 'Beneficiarios previstos',
    ar: 'المستفيدون المستهدفون',
    zh: '目标受益人',
    ru: 'Целевые бенефициары',
  },
  vulnerableGroups: {
    en: 'Vulnerable groups',
    fr: 'Groupes vulnérables',
    es: 'Grupos vulnerables',
    ar: 'الفئات الضعيفة',
    zh: '弱势群体',
    ru: 'Уязвимые группы',
  },
  sdgs: {
    en: 'Sustainable Development Goals',
    fr: 'Objectifs de développement durable',
    es: 'Objetivos de Desarrollo Sostenible',
    ar: 'أهداف التنمية المستدامة',
    zh: '可持续发展目标',
    ru: 'Цели в области устойчивого развития',
  },
  budgetShares: {
    en: 'Budget shares',
    fr: 'Parts du budget',
    es: 'Partes del presupuesto',
    ar: 'حصص الميزانية',
    zh: '预算份额',
    ru: 'Доли бюджета',
  },
} as const satisfies Record<string, Record<ExportLanguage, string>>;

export type ImportLabelKey = ExportLabelKey | keyof typeof IMPORT_ONLY_LABELS;

function isImportOnly(key: ImportLabelKey): key is keyof typeof IMPORT_ONLY_LABELS {
  return Object.hasOwn(IMPORT_ONLY_LABELS, key);
}

export function importLabel(key: ImportLabelKey, language: ExportLanguage): string {
  return isImportOnly(key) ? IMPORT_ONLY_LABELS[key][language] : EXPORT_LABELS[language][key];
}

/** Every way a header may name a column: its label in any language, or the API's field name. */
export function headerNames(key: ImportLabelKey, field: string): string[] {
  return [...EXPORT_LANGUAGES.map((language) => importLabel(key, language)), field, key].map(normalHeader);
}

export function normalHeader(header: string): string {
  return header.normalize('NFC').trim().toLocaleLowerCase();
}
