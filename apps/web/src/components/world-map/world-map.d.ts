/** The drawing vite.config.ts builds (world-map.build.ts); typed as WorldMap where it is read. */
declare module 'virtual:world-map' {
  const worldMap: unknown;
  export default worldMap;
}
