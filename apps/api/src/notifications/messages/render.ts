import countries from 'i18n-iso-countries';
import arabic from 'i18n-iso-countries/langs/ar.json';
import chinese from 'i18n-iso-countries/langs/zh.json';
import english from 'i18n-iso-countries/langs/en.json';
import french from 'i18n-iso-countries/langs/fr.json';
import russian from 'i18n-iso-countries/langs/ru.json';
import spanish from 'i18n-iso-countries/langs/es.json';
import type { Language, NotificationKind } from '@hstf/domain';
import { escapeHtml, htmlMail, type MailMessage } from '../../mail';
import { ar } from './ar';
import type { MessageCatalog } from './catalog';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';

for (const locale of [arabic, chinese, english, french, russian, spanish]) countries.registerLocale(locale);

export const CATALOGS: Record<Language, MessageCatalog> = { ar, zh, en, fr, ru, es };

/** What a notification says, from the facts kept with it (never more than its recipient may read). */
export type NotificationFacts = Record<string, string | number | null | undefined>;

export interface RenderedNotification {
  title: string;
  body: string;
}

function fill(template: string, facts: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => facts[name] ?? whole);
}

/** The facts as words in `language`: a country's name rather than its code, a kind of report by its name. */
function wordsOf(language: Language, facts: NotificationFacts): Record<string, string> {
  const words: Record<string, string> = {};
  const named = CATALOGS[language].words as Record<string, Record<string, string>>;
  for (const [name, value] of Object.entries(facts)) {
    if (value === null || value === undefined) continue;
    words[name] = named[name]?.[String(value)] ?? String(value);
  }
  if (typeof facts.country === 'string') {
    words.country = countries.getName(facts.country, language) ?? facts.country;
  }
  return words;
}

export function renderNotification(
  language: Language,
  kind: NotificationKind,
  facts: NotificationFacts,
): RenderedNotification {
  const catalog = CATALOGS[language];
  const words = wordsOf(language, facts);
  let body = fill(catalog.body[kind], words);
  if (kind === 'review_assigned' && words.due) body = `${body} ${fill(catalog.dueOn, words)}`;
  return { title: fill(catalog.title[kind], words), body };
}

export interface MailItem extends RenderedNotification {
  url: string;
}

/**
 * One notification, or a day's digest of several, as a mail: an HTML part written in the
 * language's direction (Arabic right to left) and a plain-text part with the same words and links.
 */
export function renderMail(to: string, language: Language, items: MailItem[], digest: boolean): MailMessage {
  const catalog = CATALOGS[language];
  const subject = digest ? fill(catalog.digestSubject, { count: String(items.length) }) : items[0]!.title;
  const textItems = items.map(
    (item) => `${digest ? `${item.title}\n` : ''}${item.body}\n${catalog.open}: ${item.url}`,
  );
  const text = [...(digest ? [catalog.digestIntro] : []), ...textItems, '--', catalog.footer].join('\n\n');
  const htmlItems = items
    .map(
      (item) =>
        `<div style="margin:0 0 24px">${digest ? `<h2 style="font-size:16px;margin:0 0 8px">${escapeHtml(item.title)}</h2>` : ''}` +
        `<p style="margin:0 0 8px">${escapeHtml(item.body)}</p>` +
        `<p style="margin:0"><a href="${escapeHtml(item.url)}">${escapeHtml(catalog.open)}</a></p></div>`,
    )
    .join('');
  const html = htmlMail(
    language,
    subject,
    (digest
      ? `<p>${escapeHtml(catalog.digestIntro)}</p>`
      : `<h1 style="font-size:18px">${escapeHtml(subject)}</h1>`) + htmlItems,
    catalog.footer,
  );
  return { to, language, subject, text, html };
}

/**
 * A notice to an organization's contact: the notification's title and sentence, with no link (the
 * contact has no account to follow it with) and a footer saying why they are written to.
 */
export function renderContactMail(
  to: string,
  language: Language,
  kind: NotificationKind,
  facts: NotificationFacts,
  organization: string,
): MailMessage {
  const catalog = CATALOGS[language];
  const { title, body } = renderNotification(language, kind, facts);
  const footer = fill(catalog.contactFooter, { organization });
  const text = [body, '--', footer].join('\n\n');
  const html = htmlMail(
    language,
    title,
    `<h1 style="font-size:18px">${escapeHtml(title)}</h1><p style="margin:0 0 8px">${escapeHtml(body)}</p>`,
    footer,
  );
  return { to, language, subject: title, text, html };
}
