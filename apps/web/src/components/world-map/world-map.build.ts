import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { MAP_HEIGHT, MAP_WIDTH, MISSING_FROM_ATLAS, spotOf, type LonLat } from './geo.ts';

/**
 * The world map drawn once, at build time: Natural Earth 1:50m countries (world-atlas) projected
 * with d3-geo and simplified to the drawing's pixels. The browser then receives finished SVG paths
 * (a fraction of the atlas's weight) and draws them without projecting 240 countries' coordinates,
 * which took seconds on a slow phone. Runs in Node, from the Vite plugin in vite.config.ts.
 */

const ANTARCTICA = '010';
/** A country whose main polygon is smaller than this (in the 960-wide drawing) also gets a circle. */
const SMALL = 7;
/** How far (in px of the 960-wide drawing) a simplified outline may stray from the atlas's. */
const TOLERANCE = 0.35;

export interface WorldMapCountry {
  /** ISO 3166-1 numeric, the atlas's id; null for the few areas Natural Earth gives none (e.g. Kosovo). */
  id: string | null;
  /** The outline as SVG path data, in the 960 × 440 drawing. */
  d: string;
  /** Where a circle marks the country when it is too small to see, else absent. */
  dot?: [number, number];
}

export interface WorldMap {
  width: number;
  height: number;
  countries: WorldMapCountry[];
  /** Countries the atlas leaves out, by ISO 3166-1 alpha-3: where their circle goes. */
  missing: Record<string, [number, number]>;
}

type Point = [number, number];

/** TopoJSON arcs to coordinates: quantized deltas, reversed when the index is negative (~i). */
function decodeArcs(topology: Topology): Position[][] {
  const [kx, ky] = topology.transform?.scale ?? [1, 1];
  const [dx, dy] = topology.transform?.translate ?? [0, 0];
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([ax = 0, ay = 0]) => {
      x += ax;
      y += ay;
      return [x * kx + dx, y * ky + dy];
    });
  });
}

function ringOf(indexes: number[], arcs: Position[][]): Position[] {
  const ring: Position[] = [];
  for (const index of indexes) {
    const arc = index < 0 ? [...(arcs[~index] ?? [])].reverse() : (arcs[index] ?? []);
    ring.push(...(ring.length ? arc.slice(1) : arc));
  }
  return ring;
}

/** Douglas–Peucker on a closed ring of pixels. */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  // A closed ring starts and ends on the same point: split it at its farthest point first.
  const [fx, fy] = points[0] ?? [0, 0];
  let far = 0;
  let farDistance = -1;
  points.forEach(([x, y], index) => {
    const distance = (x - fx) ** 2 + (y - fy) ** 2;
    if (distance > farDistance) [far, farDistance] = [index, distance];
  });
  if (far > 0 && far < points.length - 1) {
    keep[far] = 1;
    stack.splice(0, 1, [0, far], [far, points.length - 1]);
  }
  while (stack.length) {
    const [first, last] = stack.pop() ?? [0, 0];
    const [x1, y1] = points[first] ?? [0, 0];
    const [x2, y2] = points[last] ?? [0, 0];
    const length = Math.hypot(x2 - x1, y2 - y1);
    let worst = -1;
    let worstDistance = tolerance;
    for (let index = first + 1; index < last; index += 1) {
      const [x, y] = points[index] ?? [0, 0];
      const distance =
        length === 0
          ? Math.hypot(x - x1, y - y1)
          : Math.abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length;
      if (distance > worstDistance) [worst, worstDistance] = [index, distance];
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, index) => keep[index]);
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Rings as relative SVG path data at a tenth of a pixel: the shortest text that draws them. */
function pathData(rings: Point[][]): string {
  let out = '';
  for (const ring of rings) {
    let [px, py] = [0, 0];
    ring.forEach(([x, y], index) => {
      const [rx, ry] = [round(x), round(y)];
      if (index === 0) out += `M${rx} ${ry}`;
      else {
        const [dx, dy] = [round(rx - px), round(ry - py)];
        if (dx === 0 && dy === 0) return;
        out += `l${dx} ${dy}`.replace(/ -/g, '-');
      }
      [px, py] = [rx, ry];
    });
    out += 'z';
  }
  return out;
}

/** Reads world-atlas's countries-50m.json and returns the finished drawing. */
export function buildWorldMap(): WorldMap {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const arcs = decodeArcs(topology);
  const projection = geoEqualEarth()
    .scale(172)
    .center([0, 12])
    .translate([MAP_WIDTH / 2, MAP_HEIGHT / 2]);
  const collection = topology.objects['countries'];
  const geometries = collection?.type === 'GeometryCollection' ? collection.geometries : [];

  const countries: WorldMapCountry[] = [];
  for (const geometry of geometries) {
    const id = geometry.id === undefined ? null : String(geometry.id);
    if (id === ANTARCTICA) continue;
    let shape: Polygon | MultiPolygon;
    if (geometry.type === 'Polygon')
      shape = { type: 'Polygon', coordinates: geometry.arcs.map((ring) => ringOf(ring, arcs)) };
    else if (geometry.type === 'MultiPolygon')
      shape = {
        type: 'MultiPolygon',
        coordinates: geometry.arcs.map((polygon) => polygon.map((ring) => ringOf(ring, arcs))),
      };
    else continue;
    const feature: Feature = { type: 'Feature', id: id ?? undefined, properties: {}, geometry: shape };

    // d3-geo cuts at the antimeridian and resamples; its context hands back the projected rings.
    const rings: Point[][] = [];
    let current: Point[] = [];
    geoPath(projection, {
      moveTo: (x, y) => {
        current = [[x, y]];
        rings.push(current);
      },
      lineTo: (x, y) => void current.push([x, y]),
      closePath: () => undefined,
      arc: () => undefined,
      beginPath: () => undefined,
    })(feature);
    const drawn = rings
      .map((ring) => simplify(ring, TOLERANCE))
      .filter((ring) => {
        const xs = ring.map(([x]) => x);
        const ys = ring.map(([, y]) => y);
        // Specks under a pixel vanish; the country keeps its circle.
        return Math.max(...xs) - Math.min(...xs) >= 0.8 || Math.max(...ys) - Math.min(...ys) >= 0.8;
      });

    const spot = spotOf(shape);
    const corner1 = spot ? projection([spot.bbox[0], spot.bbox[1]]) : null;
    const corner2 = spot ? projection([spot.bbox[2], spot.bbox[3]]) : null;
    const size =
      corner1 && corner2 ? Math.max(Math.abs(corner2[0] - corner1[0]), Math.abs(corner2[1] - corner1[1])) : 0;
    const center = spot ? projection(spot.center) : null;
    countries.push({
      id,
      d: pathData(drawn),
      ...(center && size < SMALL ? { dot: [round(center[0]), round(center[1])] } : {}),
    });
  }

  const missing: Record<string, [number, number]> = {};
  for (const [iso3, at] of Object.entries<LonLat>(MISSING_FROM_ATLAS)) {
    const point = projection(at);
    if (point) missing[iso3] = [round(point[0]), round(point[1])];
  }
  return { width: MAP_WIDTH, height: MAP_HEIGHT, countries, missing };
}
