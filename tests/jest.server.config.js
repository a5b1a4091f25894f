const path = require('node:path');

/** Domain validators, the API server, the WeChat sandbox and API-level end-to-end tests. */
module.exports = {
  displayName: 'server',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/domain', '<rootDir>/tests/server', '<rootDir>/tests/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    // A few dependencies ship ES modules that Node 20 can require() but jest cannot.
    '^.+\\.js$': ['babel-jest', { presets: [['@babel/preset-env', { targets: { node: 'current' } }]] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie)/)'],
  testTimeout: 30000,
};
