/** Sequential blues of the map, light to dark; the darkest classes carry white text in the legend. */
export const MAP_CLASSES = ['#cfe8f7', '#94cdee', '#4fa9dc', '#1a7fc1', '#00558c'] as const;
export const MAP_NO_DATA = '#e4e7eb';
export const MAP_STROKE = '#ffffff';
export const MAP_DATA_STROKE = '#3d6d91';
