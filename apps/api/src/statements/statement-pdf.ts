import bidiFactory from 'bidi-js';
import PDFDocument from 'pdfkit';
import { statementFont, type StatementFont } from './statement-fonts';

const bidi = bidiFactory();

/** Letters of the Arabic script (and its presentation forms): set in Noto Sans Arabic. */
const ARABIC = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;
/** A line may break before and after any CJK character, and at spaces elsewhere. */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+/g;

/** Bidirectional marks (Intl writes them into Arabic dates): they steer the order and are not drawn. */
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/;

const PAGE_MARGIN = 48;
const GREY = '#555555';
const RULE = '#bbbbbb';

export interface TableColumn {
  label: string;
  /** A share of the line's width; the shares of a table add up to 1. */
  width: number;
  /** Numbers sit at the column's end (right in English, left in Arabic). */
  numeric?: boolean;
}

interface Style {
  size: number;
  bold?: boolean;
  color?: string;
}

interface Run {
  text: string;
  font: StatementFont;
  width: number;
}

/**
 * A printable statement, written top to bottom in the reader's language. pdfkit (with fontkit)
 * shapes each run of text with the font's OpenType tables, which joins Arabic letters; which runs
 * come in which order on a line is the Unicode bidirectional algorithm's answer (bidi-js), so an
 * Arabic line reads right to left with its numbers and Latin names left to right inside it.
 */
export class StatementPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private y = PAGE_MARGIN;

  constructor(
    private readonly rtl: boolean,
    meta: { title: string; language: string },
  ) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: PAGE_MARGIN,
      lang: meta.language,
      info: { Title: meta.title, Creator: 'HSTF Portfolio' },
      displayTitle: true,
    });
    for (const font of ['text', 'bold', 'arabic', 'arabicBold'] as const) {
      this.doc.registerFont(font, statementFont(font));
    }
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get left(): number {
    return PAGE_MARGIN;
  }

  private get width(): number {
    return this.doc.page.width - 2 * PAGE_MARGIN;
  }

  title(text: string): void {
    this.block(text, { size: 18, bold: true });
    this.y += 4;
  }

  heading(text: string): void {
    this.ensure(40);
    this.y += 10;
    this.block(text, { size: 12.5, bold: true });
    this.doc
      .moveTo(this.left, this.y + 1)
      .lineTo(this.left + this.width, this.y + 1)
      .lineWidth(0.6)
      .strokeColor(RULE)
      .stroke();
    this.y += 5;
  }

  paragraph(text: string): void {
    for (const line of text.split(/\r?\n/)) this.block(line, { size: 10 });
    this.y += 3;
  }

  note(text: string): void {
    this.block(text, { size: 8.5, color: GREY });
    this.y += 2;
  }

  /** Label and value pairs, the label in a narrow column. */
  facts(pairs: readonly (readonly [string, string])[]): void {
    this.table(
      [
        { label: '', width: 0.34 },
        { label: '', width: 0.66 },
      ],
      pairs.map((pair) => [...pair]),
      {
        header: false,
      },
    );
  }

  table(columns: readonly TableColumn[], rows: readonly string[][], options = { header: true }): void {
    const gap = 6;
    const boxes: { x: number; width: number; align: 'start' | 'end' }[] = [];
    let start = 0;
    for (const column of columns) {
      const width = column.width * this.width;
      // Columns run from the reading direction's start: the first is the rightmost in Arabic.
      const x = this.rtl ? this.left + this.width - start - width : this.left + start;
      boxes.push({ x: x + gap / 2, width: width - gap, align: column.numeric ? 'end' : 'start' });
      start += width;
    }
    const drawRow = (cells: readonly string[], style: Style) => {
      const wrapped = boxes.map((box, i) => ({ box, lines: this.wrap(cells[i] ?? '', box.width, style) }));
      const height = Math.max(1, ...wrapped.map(({ lines }) => lines.length)) * lineHeight(style);
      this.ensure(height + 4);
      for (const { box, lines } of wrapped) {
        lines.forEach((line, n) =>
          this.line(line, box.x, this.y + n * lineHeight(style), box.width, style, box.align),
        );
      }
      this.y += height + 3;
    };
    if (options.header) {
      drawRow(
        columns.map((column) => column.label),
        { size: 9, bold: true },
      );
      this.doc
        .moveTo(this.left, this.y - 1.5)
        .lineTo(this.left + this.width, this.y - 1.5)
        .lineWidth(0.4)
        .strokeColor(RULE)
        .stroke();
      this.y += 1;
    }
    for (const row of rows) drawRow(row, { size: 9 });
    this.y += 4;
  }

  end(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }

  private block(text: string, style: Style): void {
    for (const line of this.wrap(text, this.width, style)) {
      this.ensure(lineHeight(style));
      this.line(line, this.left, this.y, this.width, style, 'start');
      this.y += lineHeight(style);
    }
  }

  private ensure(height: number): void {
    if (this.y + height > this.doc.page.height - PAGE_MARGIN) {
      this.doc.addPage();
      this.y = PAGE_MARGIN;
    }
  }

  /** Greedy line breaking on the logical text: at spaces, and around each CJK character. */
  private wrap(text: string, width: number, style: Style): string[] {
    const tokens = text.match(TOKENS) ?? [];
    const lines: string[] = [];
    let current = '';
    for (const token of tokens.flatMap((token) => this.split(token, width, style))) {
      const candidate = current + token;
      if (current.trim() && this.measure(candidate.trimEnd(), style) > width) {
        lines.push(current.trimEnd());
        current = /^\s+$/.test(token) ? '' : token;
      } else {
        current = candidate;
      }
    }
    if (current.trim() || lines.length === 0) lines.push(current.trimEnd());
    return lines;
  }

  /** A word wider than the column (a long reference) is cut where it must be. */
  private split(token: string, width: number, style: Style): string[] {
    if (this.measure(token, style) <= width) return [token];
    const pieces: string[] = [];
    let piece = '';
    for (const char of token) {
      if (piece && this.measure(piece + char, style) > width) {
        pieces.push(piece);
        piece = '';
      }
      piece += char;
    }
    return [...pieces, piece];
  }

  private measure(text: string, style: Style): number {
    return this.runs(text, style).reduce((sum, run) => sum + run.width, 0);
  }

  /**
   * One line, in visual order: the bidirectional algorithm gives each character its level, the
   * line's characters are reordered as it says, then cut into runs of one font and one direction.
   * A right-to-left run of Arabic letters is handed to fontkit in logical order (it lays Arabic
   * out right to left itself); any other run is handed over as it is seen, mirrored where the
   * algorithm says ("(" in Arabic reads as ")").
   */
  private runs(text: string, style: Style): Run[] {
    if (!text) return [];
    const levels = bidi.getEmbeddingLevels(text, this.rtl ? 'rtl' : 'ltr');
    const visual = [...Array(text.length).keys()];
    for (const [from, to] of bidi.getReorderSegments(text, levels) as [number, number][]) {
      const reversed = visual.slice(from, to + 1).reverse();
      visual.splice(from, reversed.length, ...reversed);
    }
    const mirrored = bidi.getMirroredCharactersMap(text, levels.levels);
    const groups: { rtl: boolean; arabic: boolean; chars: string[] }[] = [];
    for (const index of visual) {
      const char = mirrored.get(index) ?? text.charAt(index);
      if (BIDI_MARKS.test(char)) continue;
      const rtl = ((levels.levels[index] ?? 0) & 1) === 1;
      const arabic = ARABIC.test(char);
      const last = groups.at(-1);
      if (last && last.rtl === rtl && last.arabic === arabic) last.chars.push(char);
      else groups.push({ rtl, arabic, chars: [char] });
    }
    return groups.map((group) => {
      const font: StatementFont = group.arabic
        ? style.bold
          ? 'arabicBold'
          : 'arabic'
        : style.bold
          ? 'bold'
          : 'text';
      const chars = group.arabic && group.rtl ? [...group.chars].reverse() : group.chars;
      const runText = chars.join('');
      this.doc.font(font).fontSize(style.size);
      return { text: runText, font, width: this.doc.widthOfString(runText) };
    });
  }

  private line(
    text: string,
    x: number,
    y: number,
    width: number,
    style: Style,
    align: 'start' | 'end',
  ): void {
    const runs = this.runs(text, style);
    const total = runs.reduce((sum, run) => sum + run.width, 0);
    const fromRight = this.rtl === (align === 'start');
    let at = fromRight ? x + width - total : x;
    this.doc.fillColor(style.color ?? '#000000');
    for (const run of runs) {
      this.doc.font(run.font).fontSize(style.size).text(run.text, at, y, { lineBreak: false });
      at += run.width;
    }
  }
}

function lineHeight(style: Style): number {
  return style.size * 1.45;
}
