import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scrollAreaWithMantineRefs } from './scroll-area-refs.build';

type Transform = (this: { error: (message: string) => never }, code: string, id: string) => unknown;

const plugin = scrollAreaWithMantineRefs();
const transform = plugin.transform as Transform;
const context = {
  error: (message: string): never => {
    throw new Error(message);
  },
};
const require = createRequire(import.meta.url);
// The package's entry, then its ES module build's ScrollArea beside it.
const entry = require.resolve('@mantine/core');
const scrollAreaFile = path.join(
  entry.slice(0, entry.lastIndexOf(`${path.sep}@mantine${path.sep}core${path.sep}`)),
  '@mantine/core/esm/components/ScrollArea/ScrollArea.mjs',
);

describe("Mantine's ScrollArea built without floating-ui", () => {
  it('merges its refs with Mantine’s hook in the installed Mantine', () => {
    const result = transform.call(context, readFileSync(scrollAreaFile, 'utf8'), scrollAreaFile) as {
      code: string;
    };
    expect(result.code).not.toContain('@floating-ui/react');
    expect(result.code).toContain('import { useMergedRef } from "@mantine/hooks";');
  });

  it('stops the build when ScrollArea no longer imports floating-ui’s hook', () => {
    expect(() => transform.call(context, 'export const ScrollArea = 1;', scrollAreaFile)).toThrow(
      /no longer imports useMergeRefs/,
    );
  });

  it('leaves every other module as it is', () => {
    expect(
      transform.call(context, 'import { useMergeRefs } from "@floating-ui/react";', '/x/Popover.mjs'),
    ).toBe(undefined);
  });
});
