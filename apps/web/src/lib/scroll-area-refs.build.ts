import type { Plugin } from 'vite';

const SCROLL_AREA = /@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]ScrollArea\.mjs$/;
const FLOATING_IMPORT = 'import { useMergeRefs } from "@floating-ui/react";';

/**
 * Mantine's ScrollArea merges its refs with floating-ui's useMergeRefs, and every Mantine Table
 * holds a ScrollArea: so the public page's and the overview's tables loaded floating-ui's whole
 * chunk (15 KB gzip), made for the menus and tooltips they do not have. Mantine's own
 * useMergedRef merges refs alike (each ref set, its cleanup run); ScrollArea takes it instead. The
 * build stops when the import is no longer there, so a Mantine update cannot drop this silently.
 */
export function scrollAreaWithMantineRefs(): Plugin {
  return {
    name: 'hstf-scroll-area-refs',
    enforce: 'pre',
    transform(code, id) {
      if (!SCROLL_AREA.test(id)) return undefined;
      if (!code.includes(FLOATING_IMPORT))
        this.error(`${id} no longer imports useMergeRefs from @floating-ui/react: remove this plugin.`);
      return {
        code: code.replace(
          FLOATING_IMPORT,
          // On the import's one line, so that the file's lines, and its source map, stay as they were.
          'import { useMergedRef } from "@mantine/hooks"; const useMergeRefs = (refs) => useMergedRef(...refs);',
        ),
        map: null,
      };
    },
  };
}
