const path = require('node:path');

/**
 * Mini-program pages and components in jsdom with miniprogram-simulate, and the api/ layer
 * against the real server. globalSetup builds miniprogram/miniprogram_npm when missing or stale.
 */
module.exports = {
  displayName: 'miniprogram',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/tests/miniprogram'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/tests/miniprogram/global-setup.ts',
  setupFiles: ['<rootDir>/tests/miniprogram/setup-wx.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/miniprogram/tsconfig.json' }],
    // TDesign ships ES modules in miniprogram_npm; a few server dependencies do too.
    '^.+\\.js$': ['babel-jest', { babelrc: false, configFile: false, presets: [['@babel/preset-env', { targets: { node: 'current' } }]] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|cookie)/)'],
  moduleNameMapper: {
    // The mini-program resolves bare imports through miniprogram_npm; so do the tests.
    '^tdesign-miniprogram/(.*)$': '<rootDir>/miniprogram/miniprogram_npm/tdesign-miniprogram/$1',
  },
  // Above until()'s 40 s, so a wait that never ends names its condition rather than timing out.
  testTimeout: 60000,
};
