/** One jest run, one project per program; each project's config lives beside its tests. */
module.exports = {
  // Global (jest ignores it inside projects): PGlite start-up plus a real server per suite
  // takes seconds on a busy 2-core machine.
  testTimeout: 60000,
  // Two workers on the two cores: most suites wait on a server, PostgreSQL or Chromium as
  // much as they compute, so CI takes ~10 min instead of ~16 (jest's default is cores − 1).
  maxWorkers: 2,
  projects: ['<rootDir>/tests/jest.server.config.js', '<rootDir>/tests/console/jest.config.js', '<rootDir>/tests/miniprogram/jest.config.js'],
};
