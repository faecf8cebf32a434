import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH } from './geo';
import { buildWorldMap } from './world-map.build';

const drawing = buildWorldMap();
const byId = new Map(drawing.countries.map((country) => [country.id, country]));

/** Every absolute and relative point of a path, made absolute. */
function points(d: string): [number, number][] {
  const out: [number, number][] = [];
  let [x, y] = [0, 0];
  for (const [, command = '', args = ''] of d.matchAll(/([Mlz])([^Mlz]*)/g)) {
    if (command === 'z') continue;
    const [a = 0, b = 0] = (args.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    [x, y] = command === 'M' ? [a, b] : [x + a, y + b];
    out.push([x, y]);
  }
  return out;
}

describe('the world map built from the atlas', () => {
  it('draws every country of Natural Earth but Antarctica, inside the drawing', () => {
    expect(drawing.countries.length).toBeGreaterThan(230);
    expect(byId.has('010')).toBe(false);
    for (const id of ['004', '076', '356', '643', '840']) {
      const all = points(byId.get(id)?.d ?? '');
      expect(all.length, id).toBeGreaterThan(20);
      for (const [x, y] of all) {
        expect(x, id).toBeGreaterThanOrEqual(-1);
        expect(x, id).toBeLessThanOrEqual(MAP_WIDTH + 1);
        expect(y, id).toBeGreaterThanOrEqual(-1);
        expect(y, id).toBeLessThanOrEqual(MAP_HEIGHT + 1);
      }
    }
  });

  it('puts large countries where the projection does: Brazil south-west of India', () => {
    const middle = (id: string) => {
      const all = points(byId.get(id)?.d ?? '');
      return [all.reduce((s, [x]) => s + x, 0) / all.length, all.reduce((s, [, y]) => s + y, 0) / all.length];
    };
    const [brazilX = 0, brazilY = 0] = middle('076');
    const [indiaX = 0, indiaY = 0] = middle('356');
    expect(brazilX).toBeLessThan(indiaX);
    expect(brazilY).toBeGreaterThan(indiaY);
  });

  it('marks small island states with a circle, large countries without, and places the missing ones', () => {
    expect(byId.get('462')?.dot).toBeDefined(); // Maldives
    expect(byId.get('076')?.dot).toBeUndefined(); // Brazil
    expect(drawing.missing['TUV']).toEqual([expect.any(Number), expect.any(Number)]);
  });

  it('weighs far less than the atlas it comes from', () => {
    const gzip = gzipSync(JSON.stringify(drawing)).length;
    expect(gzip).toBeLessThan(120_000);
  });
});
