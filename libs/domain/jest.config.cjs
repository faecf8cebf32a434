const shared = require('../../jest.swc.cjs');

module.exports = {
  ...shared,
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
};
