import type { Geometry, Position } from 'geojson';
import { MAP_CLASSES } from './colors.ts';

export type LonLat = [number, number];

/** The drawing's size: the map is drawn in a 960 × 440 box and scaled to the page's width. */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 440;

export interface Spot {
  /** Centroid of the feature's largest polygon. */
  center: LonLat;
  /** [west, south, east, north] of that polygon. */
  bbox: [number, number, number, number];
}

/** Planar area and centroid of a ring in degrees: enough to place a marker on an island. */
function ringFigures(ring: Position[]): { area: number; center: LonLat } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0 = 0, y0 = 0] = ring[index] ?? [];
    const [x1 = 0, y1 = 0] = ring[index + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) {
    const count = Math.max(1, ring.length);
    const sum = ring.reduce<LonLat>((acc, [x = 0, y = 0]) => [acc[0] + x, acc[1] + y], [0, 0]);
    return { area: 0, center: [sum[0] / count, sum[1] / count] };
  }
  return { area: Math.abs(twiceArea / 2), center: [cx / (3 * twiceArea), cy / (3 * twiceArea)] };
}

/** Where a country sits: its largest polygon (the main island of an archipelago). */
export function spotOf(geometry: Geometry | null): Spot | null {
  if (!geometry) return null;
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : [];
  let best: { area: number; center: LonLat; ring: Position[] } | null = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    if (!ring || ring.length === 0) continue;
    const figures = ringFigures(ring);
    if (!best || figures.area > best.area) best = { ...figures, ring };
  }
  if (!best) return null;
  const xs = best.ring.map(([x = 0]) => x);
  const ys = best.ring.map(([, y = 0]) => y);
  return { center: best.center, bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

/**
 * Countries and areas that Natural Earth's 1:50m countries leave out (or fold into another
 * feature): their capital or main island, so a project there still shows as a marker.
 */
export const MISSING_FROM_ATLAS: Record<string, LonLat> = {
  TUV: [179.19, -8.52],
  BES: [-68.26, 12.18],
  TKL: [-171.85, -9.17],
  GLP: [-61.55, 16.25],
  MTQ: [-61.02, 14.64],
  MYT: [45.15, -12.83],
  REU: [55.54, -21.12],
  GUF: [-53.13, 3.93],
  GIB: [-5.35, 36.14],
  CXR: [105.69, -10.45],
  CCK: [96.87, -12.17],
  BVT: [3.41, -54.42],
  SJM: [16.0, 78.2],
  UMI: [-162.08, 5.88],
};

export interface MapClass {
  min: number;
  max: number;
  color: string;
}

/**
 * Classes of equal counts (quantiles) over the values above zero, never splitting equal values;
 * at most as many classes as there are colours, and as many as there are distinct values.
 */
export function mapClasses(values: number[]): MapClass[] {
  const sorted = values.filter((value) => value > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const wanted = Math.min(MAP_CLASSES.length, new Set(sorted).size);
  const ranges: { min: number; max: number }[] = [];
  let start = 0;
  for (let index = 0; index < wanted && start < sorted.length; index += 1) {
    let end = Math.max(start + 1, Math.round(((index + 1) * sorted.length) / wanted));
    if (end < sorted.length && sorted[end] === sorted[end - 1]) {
      // Equal values stay together: close the class before them if it is not empty, else after them.
      const first = sorted.indexOf(sorted[end - 1] ?? 0, start);
      if (first > start) end = first;
      else while (end < sorted.length && sorted[end] === sorted[end - 1]) end += 1;
    }
    if (index === wanted - 1) end = sorted.length;
    ranges.push({ min: sorted[start] ?? 0, max: sorted[end - 1] ?? 0 });
    start = end;
  }
  const last = MAP_CLASSES.length - 1;
  return ranges.map((range, index) => ({
    ...range,
    color:
      ranges.length === 1
        ? (MAP_CLASSES[last - 1] ?? MAP_CLASSES[0])
        : (MAP_CLASSES[Math.round((index * last) / (ranges.length - 1))] ?? MAP_CLASSES[0]),
  }));
}

export function classOf(value: number, classes: MapClass[]): MapClass | null {
  if (value <= 0) return null;
  return classes.find((entry) => value <= entry.max) ?? classes.at(-1) ?? null;
}
