import { OptionalText } from '../validation/text';

/** The six official languages of the United Nations, in which a title and summary may be given. */
export const TRANSLATION_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

const TITLE = { max: 300, min: 3 };
const SUMMARY = { max: 5000, min: 1 };

/** The title in each language someone wrote it in; a language left out has no translation. */
export class ProjectTitleTranslations {
  @OptionalText({ ...TITLE, example: 'الصمود المجتمعي في وجه الجفاف في مجموعة كاراموجا' }) ar?: string;
  @OptionalText({ ...TITLE, example: 'Community resilience to drought in the Karamoja cluster' }) en?: string;
  @OptionalText({ ...TITLE, example: 'Resiliencia comunitaria ante la sequía en el grupo de Karamoja' })
  es?: string;
  @OptionalText({
    ...TITLE,
    example: 'Résilience des communautés face à la sécheresse dans le groupe de Karamoja',
  })
  fr?: string;
  @OptionalText({ ...TITLE, example: 'Устойчивость общин к засухе в кластере Карамоджа' }) ru?: string;
  @OptionalText({ ...TITLE, example: '卡拉莫贾地区社区抗旱能力' }) zh?: string;
}

/** The summary in each language someone wrote it in; a language left out has no translation. */
export class ProjectSummaryTranslations {
  @OptionalText({ ...SUMMARY, example: 'تعزيز سبل العيش والحماية للأسر الرعوية.' }) ar?: string;
  @OptionalText({ ...SUMMARY, example: 'Livelihoods and protection for pastoralist households.' })
  en?: string;
  @OptionalText({ ...SUMMARY, example: 'Medios de vida y protección para los hogares pastoriles.' })
  es?: string;
  @OptionalText({ ...SUMMARY, example: 'Moyens de subsistance et protection des ménages pastoraux.' })
  fr?: string;
  @OptionalText({ ...SUMMARY, example: 'Средства к существованию и защита скотоводческих семей.' })
  ru?: string;
  @OptionalText({ ...SUMMARY, example: '为牧民家庭提供生计和保护。' }) zh?: string;
}
