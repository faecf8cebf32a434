import './map.css';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { Button, Center, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Feature, GeoJsonObject, Geometry } from 'geojson';
import { memo, useMemo, useRef, useState, type MouseEvent } from 'react';
import { ComposableMap, Geographies, Geography, Marker } from 'react-simple-maps';
import type { Topology } from 'topojson-specification';
import { MAP_DATA_STROKE, MAP_NO_DATA, MAP_STROKE } from '../../lib/palette';
import { classOf, MISSING_FROM_ATLAS, spotOf, type LonLat, type MapClass } from './geo';

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
  labels: { error: string; retry: string };
}

const WIDTH = 960;
const HEIGHT = 440;
const ANTARCTICA = '010';
/** A country whose main polygon is smaller than this (in the 960-wide drawing) also gets a circle. */
const SMALL = 7;

/** Natural Earth 1:50m countries (TopoJSON), a static asset fetched on demand and kept for the visit. */
const atlasQuery = queryOptions({
  queryKey: ['atlas', 'countries-50m'] as const,
  queryFn: async ({ signal }): Promise<Topology> => {
    const response = await fetch(atlasUrl, { signal });
    if (!response.ok) throw new Error(`The world atlas answered ${response.status}`);
    return (await response.json()) as Topology;
  },
  staleTime: Infinity,
  gcTime: Infinity,
  retry: 1,
});

function dropAntarctica(features: Feature<Geometry>[]): Feature<Geometry>[] {
  return features.filter((feature) => String(feature.id) !== ANTARCTICA);
}

interface Dot {
  iso3: string;
  at: LonLat;
  color: string;
}

/** The drawing alone, memoised: hovering a country moves the tooltip without redrawing 240 shapes. */
const MapDrawing = memo(function MapDrawing({
  topology,
  countries,
  classes,
}: {
  topology: Topology;
  countries: MapCountry[];
  classes: MapClass[];
}) {
  const byNumeric = useMemo(
    () => new Map(countries.map((country) => [country.numeric, country])),
    [countries],
  );
  return (
    <ComposableMap
      width={WIDTH}
      height={HEIGHT}
      projection="geoEqualEarth"
      projectionConfig={{ scale: 172, center: [0, 12] }}
      aria-hidden="true"
      focusable="false"
    >
      {/* react-simple-maps reads TopoJSON too, though its types only name GeoJSON. */}
      <Geographies geography={topology as unknown as GeoJsonObject} parseGeographies={dropAntarctica}>
        {({ geographies, projection }) => {
          const dots: Dot[] = [];
          const drawn = new Set<string>();
          const shapes = geographies.map((geography) => {
            const country = geography.id === undefined ? undefined : byNumeric.get(String(geography.id));
            const level = country ? classOf(country.value, classes) : null;
            if (country) {
              drawn.add(country.iso3);
              const spot = spotOf(geography.geometry);
              const corner1 = spot ? projection([spot.bbox[0], spot.bbox[1]]) : null;
              const corner2 = spot ? projection([spot.bbox[2], spot.bbox[3]]) : null;
              const size =
                corner1 && corner2
                  ? Math.max(Math.abs(corner2[0] - corner1[0]), Math.abs(corner2[1] - corner1[1]))
                  : 0;
              if (spot && level && size < SMALL)
                dots.push({ iso3: country.iso3, at: spot.center, color: level.color });
            }
            return (
              <Geography
                key={geography.rsmKey}
                geography={geography}
                tabIndex={-1}
                fill={level?.color ?? MAP_NO_DATA}
                stroke={level ? MAP_DATA_STROKE : MAP_STROKE}
                strokeWidth={level ? 0.5 : 0.4}
                data-iso3={level ? country?.iso3 : undefined}
              />
            );
          });
          for (const country of countries) {
            const at = MISSING_FROM_ATLAS[country.iso3];
            const level = classOf(country.value, classes);
            if (!drawn.has(country.iso3) && at && level)
              dots.push({ iso3: country.iso3, at, color: level.color });
          }
          return (
            <>
              {shapes}
              {dots.map((dot) => (
                <Marker
                  key={dot.iso3}
                  coordinates={dot.at}
                  data-iso3={dot.iso3}
                  data-testid={`map-dot-${dot.iso3}`}
                >
                  <circle r={5} fill={dot.color} stroke="#003f68" strokeWidth={1.2} />
                </Marker>
              ))}
            </>
          );
        }}
      </Geographies>
    </ComposableMap>
  );
});

/**
 * The world map of the portfolio (lazy: react-simple-maps, d3-geo and the atlas load only here).
 * A picture for sighted readers; the section around it gives the same figures as a table.
 */
export default function PortfolioMap({ countries, classes, labels }: PortfolioMapProps) {
  const atlas = useQuery(atlasQuery);
  const container = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ iso3: string; x: number; y: number; width: number } | null>(null);
  const byIso3 = useMemo(() => new Map(countries.map((country) => [country.iso3, country])), [countries]);

  if (atlas.isPending) return <Skeleton height={420} radius="md" />;
  if (atlas.isError) {
    return (
      <Center h={260} bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
        <Stack align="center" gap="xs">
          <Text size="sm" c="dimmed" ta="center" maw={420}>
            {labels.error}
          </Text>
          <Button variant="default" size="xs" onClick={() => void atlas.refetch()}>
            {labels.retry}
          </Button>
        </Stack>
      </Center>
    );
  }

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
      <MapDrawing topology={atlas.data} countries={countries} classes={classes} />
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
