/** One jest run, one project per program; each project's config lives beside its tests. */
module.exports = {
  // Global (jest ignores it inside projects): PGlite start-up plus a real server per suite
  // takes seconds on a busy 2-core machine.
  testTimeout: 60000,
  // One worker (jest's default on two cores). Two cut CI from ~16 to ~10 min, but under that
  // contention the page tests' timing-based waits (apply-form, signature-pad) flaked.
  projects: ['<rootDir>/tests/jest.server.config.js', '<rootDir>/tests/console/jest.config.js', '<rootDir>/tests/miniprogram/jest.config.js'],
};
