import { languageDirection, type Language } from '@hstf/domain';
import { escapeHtml } from '../common/http/escape-html';

export { escapeHtml };

/**
 * The HTML part of every mail: the language and its direction on the document and the body (Arabic
 * right to left), fonts that have every script, and the footer. `body` is HTML already escaped.
 */
export function htmlMail(language: Language, subject: string, body: string, footer: string): string {
  const dir = languageDirection(language);
  return (
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body dir="${dir}" style="font-family:'Noto Sans','Noto Sans Arabic','Noto Sans SC',Arial,sans-serif;text-align:${dir === 'rtl' ? 'right' : 'left'}">` +
    body +
    `<hr><p style="font-size:12px;color:#555">${escapeHtml(footer)}</p></body></html>`
  );
}
