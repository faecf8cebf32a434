import { PassThrough, Readable } from 'node:stream';
import { XMLBuilder } from 'fast-xml-parser';
import { drained } from '../common/export/backpressure';
import {
  FUND_ORGANISATION_TYPE,
  iatiActivity,
  IatiPublisher,
  narrative,
  value,
  XmlObject,
} from './iati-activity';
import type { IatiActivityRow, IatiYearRow } from './iati.repository';

export const IATI_VERSION = '2.03';
export const XML_MEDIA_TYPE = 'application/xml; charset=utf-8';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** Text and attribute values are escaped by the builder (processEntities, its default). */
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#',
  commentPropName: '#comment',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

const element = (name: string, content: XmlObject) => builder.build({ [name]: content });

/**
 * The iati-activities file, written as the rows arrive: each activity is serialized on its own and
 * written between the root's opening and closing tags, and the loop waits while the reader is
 * behind, so the file holds one activity in memory, never the portfolio.
 */
export function iatiActivitiesXml(
  rows: AsyncIterable<IatiActivityRow>,
  publisher: IatiPublisher,
  generatedAt: Date,
): Readable {
  const out = new PassThrough();
  const write = async () => {
    out.write(
      `${DECLARATION}<iati-activities version="${IATI_VERSION}" generated-datetime="${isoSeconds(generatedAt)}">\n`,
    );
    for await (const row of rows) {
      if (out.destroyed) return;
      out.write(element('iati-activity', iatiActivity(row, publisher)).replace(/^(?=.)/gm, '  '));
      if (out.writableNeedDrain) await drained(out);
    }
    if (out.destroyed) return;
    out.end('</iati-activities>\n');
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
  const organisation: XmlObject = {
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
  };
  return (
    DECLARATION +
    element('iati-organisations', {
      '@version': IATI_VERSION,
      '@generated-datetime': isoSeconds(generatedAt),
      ...(illustrative
        ? { '#comment': ' Illustrative: the figures include demonstration data of the HSTF Portfolio. ' }
        : {}),
      'iati-organisation': organisation,
    })
  );
}

const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
