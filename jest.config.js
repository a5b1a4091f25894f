/** One jest run, one project per program; each project's config lives beside its tests. */
module.exports = {
  // Global (jest ignores it inside projects): PGlite start-up plus a real server per suite
  // takes seconds on a busy 2-core machine.
  testTimeout: 60000,
  // Two workers on the two cores: CPU-bound suites (PGlite, sharp, jsdom) run side by side.
  // Waits are conditions with generous bounds (until(), 25–40 s), never fixed sleeps, so a
  // busy machine makes a test slower, not red.
  maxWorkers: 2,
  projects: ['<rootDir>/tests/jest.server.config.js', '<rootDir>/tests/console/jest.config.js', '<rootDir>/tests/miniprogram/jest.config.js'],
};
