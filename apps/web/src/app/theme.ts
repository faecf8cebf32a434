import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * UN blue. Shade 5 is the UN brand blue (#009EDB), too light for white text, so the primary shade
 * used for buttons, links and focus rings is 7 (#006BB0: 5.6:1 on white, WCAG AA for all text).
 */
const unBlue: MantineColorsTuple = [
  '#e6f4fb',
  '#cce8f6',
  '#99d1ee',
  '#5fb8e4',
  '#2aa6df',
  '#009edb',
  '#0086c3',
  '#006bb0',
  '#00558c',
  '#003f68',
];

export const theme = createTheme({
  primaryColor: 'unBlue',
  primaryShade: { light: 7, dark: 4 },
  colors: { unBlue },
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', 'DejaVu Sans', Helvetica, Arial, sans-serif",
  headings: {
    fontFamily:
      "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', 'DejaVu Sans', Helvetica, Arial, sans-serif",
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  autoContrast: true,
  luminanceThreshold: 0.35,
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 'sm' } },
    // Mantine draws a dialog's title bar as <header>; inside role="dialog" that counts as a second
    // banner landmark beside the app's own header (axe: landmark-no-duplicate-banner).
    ModalHeader: { defaultProps: { component: 'div' } },
  },
});

/** Mantine's dimmed and placeholder greys are below 4.5:1 on white; darken them for WCAG AA. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#55606b',
    '--mantine-color-placeholder': '#6b7580',
    '--mantine-color-anchor': '#006bb0',
    // Mantine's error red (#fa5252) is 3.3:1 on white; field errors need 4.5:1.
    '--mantine-color-error': '#c92a2a',
  },
  dark: {},
});
