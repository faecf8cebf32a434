import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/**
 * The fonts every statement is set in, shipped as npm packages (SIL Open Font License) so nothing is
 * fetched at run time: Noto Sans SC (Latin, Cyrillic and Chinese) and Noto Sans Arabic.
 */
// Resolved where they are named, so the packages that ship them are visibly this file's dependencies.
const FONT_FILES = {
  text: require.resolve('@openfonts/noto-sans-sc_all/files/noto-sans-sc-all-400.woff'),
  bold: require.resolve('@openfonts/noto-sans-sc_all/files/noto-sans-sc-all-700.woff'),
  arabic: require.resolve('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff'),
  arabicBold: require.resolve('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff'),
};

export type StatementFont = keyof typeof FONT_FILES;

/**
 * A WOFF file unpacked to the plain OpenType font it wraps. fontkit reads WOFF itself, but with a
 * JavaScript inflate that takes about 20 s on the 6 MB Chinese font; node's zlib takes 0.3 s, once
 * per process.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error('Not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const power = 2 ** Math.floor(Math.log2(count));
  const header = Buffer.alloc(12 + 16 * count);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(count, 4);
  header.writeUInt16BE(16 * power, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(16 * count - 16 * power, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  for (let i = 0; i < count; i++) {
    const entry = 44 + 20 * i;
    const start = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(start, start + compressed);
    const table = compressed < length ? inflateSync(stored) : stored;
    const record = 12 + 16 * i;
    header.writeUInt32BE(woff.readUInt32BE(entry), record);
    header.writeUInt32BE(woff.readUInt32BE(entry + 16), record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(length, record + 12);
    const padding = (4 - (table.length % 4)) % 4;
    parts.push(table, Buffer.alloc(padding));
    offset += table.length + padding;
  }
  return Buffer.concat(parts);
}

const loaded = new Map<StatementFont, Buffer>();

export function statementFont(font: StatementFont): Buffer {
  let buffer = loaded.get(font);
  if (!buffer) {
    buffer = woffToSfnt(readFileSync(FONT_FILES[font]));
    loaded.set(font, buffer);
  }
  return buffer;
}
