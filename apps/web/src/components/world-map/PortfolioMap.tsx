import './map.css';
import worldMapData from 'virtual:world-map';
import { Paper, Text } from '@mantine/core';
import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import { MAP_DATA_STROKE, MAP_NO_DATA, MAP_STROKE } from './colors';
import { classOf, type MapClass } from './geo';
import type { WorldMap } from './world-map.build';

/** A country of the portfolio as the map draws it. */
export interface MapCountry {
  iso3: string;
  /** ISO 3166-1 numeric: the id of the world-atlas feature. */
  numeric: string;
  /** Its name in the reader's language. */
  label: string;
  /** The measure shown: projects or approved USD. */
  value: number;
  /** The tooltip's lines under the name, already formatted. */
  details: string[];
}

export interface PortfolioMapProps {
  countries: MapCountry[];
  classes: MapClass[];
}

/** Projected and simplified while building (vite.config.ts): no atlas to fetch, nothing to project here. */
const worldMap = worldMapData as WorldMap;

interface Dot {
  iso3: string;
  at: [number, number];
  color: string;
}

/** The drawing alone, memoised: hovering a country moves the tooltip without redrawing 240 shapes. */
const MapDrawing = memo(function MapDrawing({
  countries,
  classes,
}: {
  countries: MapCountry[];
  classes: MapClass[];
}) {
  const byNumeric = useMemo(
    () => new Map(countries.map((country) => [country.numeric, country])),
    [countries],
  );
  const dots: Dot[] = [];
  const drawn = new Set<string>();
  const shapes = worldMap.countries.map((shape, index) => {
    const country = shape.id === null ? undefined : byNumeric.get(shape.id);
    const level = country ? classOf(country.value, classes) : null;
    if (country) {
      drawn.add(country.iso3);
      if (shape.dot && level) dots.push({ iso3: country.iso3, at: shape.dot, color: level.color });
    }
    if (!shape.d) return null;
    return (
      <path
        key={shape.id ?? `unnamed-${index}`}
        d={shape.d}
        fill={level?.color ?? MAP_NO_DATA}
        stroke={level ? MAP_DATA_STROKE : MAP_STROKE}
        strokeWidth={level ? 0.5 : 0.4}
        strokeLinejoin="round"
        data-iso3={level ? country?.iso3 : undefined}
      />
    );
  });
  for (const country of countries) {
    const at = worldMap.missing[country.iso3];
    const level = classOf(country.value, classes);
    if (!drawn.has(country.iso3) && at && level) dots.push({ iso3: country.iso3, at, color: level.color });
  }
  return (
    <svg
      viewBox={`0 0 ${worldMap.width} ${worldMap.height}`}
      width={worldMap.width}
      height={worldMap.height}
      aria-hidden="true"
      focusable="false"
    >
      <g>{shapes}</g>
      {dots.map((dot) => (
        <g
          key={dot.iso3}
          transform={`translate(${dot.at[0]} ${dot.at[1]})`}
          data-iso3={dot.iso3}
          data-testid={`map-dot-${dot.iso3}`}
        >
          <circle r={5} fill={dot.color} stroke="#003f68" strokeWidth={1.2} />
        </g>
      ))}
    </svg>
  );
});

/**
 * The world map of the portfolio (lazy: its drawing loads only here).
 * A picture for sighted readers; the section around it gives the same figures as a table.
 */
export default function PortfolioMap({ countries, classes }: PortfolioMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ iso3: string; x: number; y: number; width: number } | null>(null);
  const byIso3 = useMemo(() => new Map(countries.map((country) => [country.iso3, country])), [countries]);

  const onMove = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target.closest('[data-iso3]') : null;
    const box = container.current?.getBoundingClientRect();
    const iso3 = target?.getAttribute('data-iso3');
    if (!iso3 || !box) {
      setHover(null);
      return;
    }
    setHover({ iso3, x: event.clientX - box.left, y: event.clientY - box.top, width: box.width });
  };

  const hovered = hover ? byIso3.get(hover.iso3) : undefined;
  return (
    <div ref={container} className="portfolio-map" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
      <MapDrawing countries={countries} classes={classes} />
      {hover && hovered ? (
        <Paper
          className="portfolio-map-tooltip"
          shadow="md"
          radius="md"
          p="xs"
          withBorder
          style={{
            top: Math.max(0, hover.y - 12),
            left: hover.x > hover.width - 240 ? undefined : hover.x + 16,
            right: hover.x > hover.width - 240 ? hover.width - hover.x + 16 : undefined,
          }}
        >
          <Text fw={700} size="sm">
            {hovered.label}
          </Text>
          {hovered.details.map((line) => (
            <Text key={line} size="xs" c="dimmed">
              {line}
            </Text>
          ))}
        </Paper>
      ) : null}
    </div>
  );
}
