const path = require('node:path');
// These tests load the real server, so they compile it exactly as the server's tests do.
const serverProject = require('../jest.server.config.js');

/** The staff console in a real browser (Debian chromium) against the real server. */
module.exports = {
  displayName: 'console',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/console'],
  testMatch: ['**/*.test.ts'],
  transform: serverProject.transform,
  transformIgnorePatterns: serverProject.transformIgnorePatterns,
  // Builds console/dist when it is missing or older than the console's sources.
  globalSetup: '<rootDir>/tests/console/build-console.ts',
};
