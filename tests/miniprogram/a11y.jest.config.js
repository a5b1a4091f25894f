/** `npm run a11y`: the miniprogram project's setup, running the accessibility audit (*.a11y.ts) only. */
const base = require('./jest.config');

module.exports = { ...base, displayName: 'a11y', testMatch: ['**/a11y/*.a11y.ts'], testTimeout: 600_000 };
