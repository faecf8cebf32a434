/** The languages of the product; an export's headers are written in the reader's. */
export const EXPORT_LANGUAGES = ['en', 'fr', 'es', 'ar', 'zh', 'ru'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * Column headers by label key, in each language. Keys are shared across lists where the word is
 * the same (a code is a code), so each list's columns name keys and never carry words.
 */
export const EXPORT_LABELS = {
  code: { en: 'Code', fr: 'Code', es: 'Código', ar: 'الرمز', zh: '编号', ru: 'Код' },
  title: { en: 'Title', fr: 'Titre', es: 'Título', ar: 'العنوان', zh: '标题', ru: 'Название' },
  window: { en: 'Window', fr: 'Guichet', es: 'Ventanilla', ar: 'النافذة', zh: '窗口', ru: 'Окно' },
  stage: { en: 'Stage', fr: 'Étape', es: 'Etapa', ar: 'المرحلة', zh: '阶段', ru: 'Этап' },
  countries: {
    en: 'Recipient countries',
    fr: 'Pays bénéficiaires',
    es: 'Países beneficiarios',
    ar: 'البلدان المستفيدة',
    zh: '受援国',
    ru: 'Страны-получатели',
  },
  leadOrganization: {
    en: 'Lead organization',
    fr: 'Organisation chef de file',
    es: 'Organización principal',
    ar: 'المنظمة الرائدة',
    zh: '牵头组织',
    ru: 'Ведущая организация',
  },
  requestedBudget: {
    en: 'Requested budget',
    fr: 'Budget demandé',
    es: 'Presupuesto solicitado',
    ar: 'الميزانية المطلوبة',
    zh: '申请预算',
    ru: 'Запрошенный бюджет',
  },
  approvedBudget: {
    en: 'Approved budget',
    fr: 'Budget approuvé',
    es: 'Presupuesto aprobado',
    ar: 'الميزانية المعتمدة',
    zh: '核定预算',
    ru: 'Утверждённый бюджет',
  },
  currency: { en: 'Currency', fr: 'Devise', es: 'Moneda', ar: 'العملة', zh: '币种', ru: 'Валюта' },
  startDate: {
    en: 'Start date',
    fr: 'Date de début',
    es: 'Fecha de inicio',
    ar: 'تاريخ البدء',
    zh: '开始日期',
    ru: 'Дата начала',
  },
  endDate: {
    en: 'End date',
    fr: 'Date de fin',
    es: 'Fecha de finalización',
    ar: 'تاريخ الانتهاء',
    zh: '结束日期',
    ru: 'Дата окончания',
  },
  dimensions: {
    en: 'Human security dimensions',
    fr: 'Dimensions de la sécurité humaine',
    es: 'Dimensiones de la seguridad humana',
    ar: 'أبعاد الأمن البشري',
    zh: '人的安全维度',
    ru: 'Измерения безопасности человека',
  },
  version: { en: 'Version', fr: 'Version', es: 'Versión', ar: 'الإصدار', zh: '版本', ru: 'Версия' },
  updatedAt: {
    en: 'Last changed',
    fr: 'Dernière modification',
    es: 'Última modificación',
    ar: 'آخر تعديل',
    zh: '最后修改',
    ru: 'Последнее изменение',
  },
  name: { en: 'Name', fr: 'Nom', es: 'Nombre', ar: 'الاسم', zh: '名称', ru: 'Наименование' },
  acronym: { en: 'Acronym', fr: 'Sigle', es: 'Sigla', ar: 'الاختصار', zh: '缩写', ru: 'Аббревиатура' },
  kind: { en: 'Kind', fr: 'Type', es: 'Tipo', ar: 'النوع', zh: '类型', ru: 'Тип' },
  createdAt: {
    en: 'Created',
    fr: 'Création',
    es: 'Creación',
    ar: 'تاريخ الإنشاء',
    zh: '创建时间',
    ru: 'Создано',
  },
} as const satisfies Record<string, Record<ExportLanguage, string>>;

export type ExportLabelKey = keyof typeof EXPORT_LABELS;
