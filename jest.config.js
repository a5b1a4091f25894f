/** One jest run, one project per program; each project's config lives beside its tests. */
module.exports = {
  projects: ['<rootDir>/tests/jest.server.config.js', '<rootDir>/tests/console/jest.config.js', '<rootDir>/tests/miniprogram/jest.config.js'],
};
