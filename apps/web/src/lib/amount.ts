import { parseMoney, type MoneyProblem } from '@hstf/domain';

/**
 * Amounts as people type them, in their language, read one way in every form of the dashboard.
 *
 * The reader's locale says which mark is the decimal one ("1 000,50" in French, "1,000.50" in
 * English). Whatever the locale, a mark followed by one or two digits at the end is the decimal mark
 * ("1,50" is one and a half everywhere: nobody groups digits by two), and a mark repeated or followed
 * by exactly three digits groups thousands where the locale groups with it. Arabic-Indic digits and
 * the Arabic separators are read as well. The result is a plain decimal string ("1000.50") which the
 * domain's parseMoney then judges, and whose canonical form ("0100" → "100.00") the API accepts.
 */

interface Separators {
  decimal: string;
  group: string;
}

const separatorsByLocale = new Map<string, Separators>();

function separatorsOf(locale: string): Separators {
  let separators = separatorsByLocale.get(locale);
  if (!separators) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    separators = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      group: parts.find((part) => part.type === 'group')?.value ?? ',',
    };
    separatorsByLocale.set(locale, separators);
  }
  return separators;
}

/** Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…) digits as Latin ones. */
function latinDigit(digit: string): string {
  const code = digit.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** Spaces of every width and apostrophes only ever group digits. */
const SPACES = /[\s\u00a0\u202f\u2009'’_]/g;

/**
 * The typed text as a plain decimal string ("1,000.50" → "1000.50", "1 000,5" → "1000.5"), or the
 * compacted text unchanged when it is no number, for the domain's check to refuse.
 */
export function plainDecimal(input: string, locale: string): string {
  const { decimal } = separatorsOf(`${locale}-u-nu-latn`);
  let text = input
    .trim()
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/g, latinDigit)
    .replace(/\u066b/g, '.') // Arabic decimal separator
    .replace(/\u066c/g, ',') // Arabic thousands separator
    .replace(SPACES, '');
  // Dots and commas together: the last one is the decimal mark, the other groups.
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const mark = lastDot > lastComma ? '.' : ',';
    const group = mark === '.' ? ',' : '.';
    text = text.split(group).join('');
    if (mark === ',') text = text.replace(',', '.');
    return wellFormed(text) ? text : input.trim();
  }
  const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (mark === null) return text;
  const pieces = text.split(mark);
  const last = pieces[pieces.length - 1] ?? '';
  const groups = pieces.length > 2 || (last.length === 3 && mark !== decimal);
  text = groups ? pieces.join('') : pieces.join('.');
  return wellFormed(text) ? text : input.trim();
}

function wellFormed(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

export type AmountReading =
  | { ok: true; amount: string; cents: bigint }
  | { ok: false; problem: MoneyProblem | { code: 'money_required'; facts: Record<string, never> } };

/**
 * An amount of money as typed, read in the reader's locale and judged by libs/domain's parseMoney:
 * the canonical decimal string the API accepts ("0100" → "100.00"), or why it is not an amount.
 */
export function readAmount(input: string, locale: string): AmountReading {
  const plain = plainDecimal(input, locale);
  if (!plain) return { ok: false, problem: { code: 'money_required', facts: {} } };
  return parseMoney(plain);
}

const groupedByLocale = new Map<string, Intl.NumberFormat>();

/**
 * A canonical amount ("1000000.50") as the reader groups it ("1,000,000.5" → "1,000,000.50";
 * "1 000 000,50" in French), for a money field to show once the reader leaves it. Digits stay Latin,
 * so what is shown can be typed again.
 */
export function groupAmount(amount: string, locale: string): string {
  let format = groupedByLocale.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(`${locale}-u-nu-latn`, {
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
      useGrouping: true,
    });
    groupedByLocale.set(locale, format);
  }
  const cents = /\.(\d*[1-9]\d*)$/.test(amount);
  const text = format.format(amount as Intl.StringNumericLiteral);
  // "0.5" would show as "0,5": keep the second decimal of an amount of money.
  if (!cents) return text;
  const { decimal } = separatorsOf(`${locale}-u-nu-latn`);
  const [whole, fraction = ''] = text.split(decimal);
  return `${whole}${decimal}${fraction.padEnd(2, '0')}`;
}

/** What a money field shows once left: the amount grouped in the reader's way, or what was typed. */
export function tidyAmount(input: string, locale: string): string {
  const reading = readAmount(input, locale);
  return reading.ok ? groupAmount(reading.amount.replace(/\.00$/, ''), locale) : input;
}
