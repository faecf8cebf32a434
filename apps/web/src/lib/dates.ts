const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * A reader's typed date: the API's YYYY-MM-DD, or day, month and year in the order the reader's
 * language writes them ("31/12/2026" in French, "2026/12/31" in Chinese), in Latin or Arabic-Indic digits.
 */
export function dateParserFor(locale: string): (text: string) => string | null {
  const order = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(Date.UTC(2026, 11, 31)))
    .map((part) => part.type)
    .filter((type) => type === 'year' || type === 'month' || type === 'day');
  return (text) => {
    const latin = text
      .trim()
      .replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
      .replace(/[\u200e\u200f\u061c]/g, '');
    const iso = ISO_DATE.exec(latin);
    if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const numbers = latin
      .split(/[^\d]+/)
      .filter(Boolean)
      .map(Number);
    if (numbers.length !== 3 || order.length !== 3) return null;
    const part = (type: string) => numbers[order.indexOf(type as 'year')] ?? NaN;
    const year = part('year');
    return year >= 1000 ? isoOf(year, part('month'), part('day')) : null;
  };
}
