export { LazyWorldMap, MapLegend, WorldMapDrawing, WorldMapPlaceholder } from './WorldMap';
export { classOf, mapClasses, type MapClass } from './geo';
export type { MapCountry } from './PortfolioMap';
