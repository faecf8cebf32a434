import { PassThrough, Readable } from 'node:stream';
import { create, createCB } from 'xmlbuilder2';
import { drained } from '../common/export/backpressure';
import { iatiActivity, IatiPublisher, FUND_ORGANISATION_TYPE, narrative, value } from './iati-activity';
import type { IatiActivityRow, IatiYearRow } from './iati.repository';

export const IATI_VERSION = '2.03';
export const XML_MEDIA_TYPE = 'application/xml; charset=utf-8';

/**
 * The iati-activities file, written as the rows arrive: xmlbuilder2's callback writer emits each
 * activity's text as soon as it is built, and the loop waits while the reader is behind, so the
 * file holds one activity in memory, never the portfolio.
 */
export function iatiActivitiesXml(
  rows: AsyncIterable<IatiActivityRow>,
  publisher: IatiPublisher,
  generatedAt: Date,
): Readable {
  const out = new PassThrough();
  const xml = createCB({
    data: (chunk: string) => out.write(chunk),
    end: () => out.end(),
    error: (error: Error) => out.destroy(error),
    prettyPrint: true,
  });
  const write = async () => {
    xml.dec({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', {
      version: IATI_VERSION,
      'generated-datetime': isoSeconds(generatedAt),
    });
    for await (const row of rows) {
      if (out.destroyed) return;
      xml.ele({ 'iati-activity': iatiActivity(row, publisher) });
      if (out.writableNeedDrain) await drained(out);
    }
    if (out.destroyed) return;
    xml.up().end();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/**
 * The iati-organisations file: the Fund with its total budget (what it committed to projects) and
 * its total expenditure (what it transferred, net of refunds and reversals) for each calendar year.
 */
export function iatiOrganisationXml(
  years: readonly IatiYearRow[],
  publisher: IatiPublisher,
  generatedAt: Date,
  illustrative: boolean,
): string {
  const period = (year: number) => ({
    'period-start': { '@iso-date': `${year}-01-01` },
    'period-end': { '@iso-date': `${year}-12-31` },
  });
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-organisations', {
    version: IATI_VERSION,
    'generated-datetime': isoSeconds(generatedAt),
  });
  if (illustrative) {
    root.com(' Illustrative: the figures include demonstration data of the HSTF Portfolio. ');
  }
  root.ele({
    'iati-organisation': {
      '@last-updated-datetime': isoSeconds(generatedAt),
      '@xml:lang': 'en',
      '@default-currency': 'USD',
      'organisation-identifier': publisher.organisationId,
      name: narrative(publisher.name),
      'reporting-org': {
        '@ref': publisher.organisationId,
        '@type': FUND_ORGANISATION_TYPE,
        ...narrative(publisher.name),
      },
      'total-budget': years
        .filter((y) => Number(y.committed) !== 0)
        .map((y) => ({ '@status': '2', ...period(y.year), value: value(y.committed, `${y.year}-01-01`) })),
      'total-expenditure': years
        .filter((y) => Number(y.transferred) !== 0)
        .map((y) => ({ ...period(y.year), value: value(y.transferred, `${y.year}-01-01`) })),
    },
  });
  return root.end({ prettyPrint: true });
}

const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
