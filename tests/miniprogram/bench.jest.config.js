/** `npm run bench:setdata`: the miniprogram project's setup, running *.bench.ts only. */
const base = require('./jest.config');

module.exports = { ...base, displayName: 'bench', testMatch: ['**/bench/*.bench.ts'], testTimeout: 300_000 };
