const shared = require('../../jest.swc.cjs');

module.exports = {
  ...shared,
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  moduleNameMapper: { '^@hstf/domain$': '<rootDir>/../../libs/domain/src/index.ts' },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Test files share one PostgreSQL cluster but each gets its own database; two workers fit 2 cores.
  maxWorkers: 2,
  testTimeout: 30000,
};
