/** The browser suite: Playwright over the H5 build served by the local cloud. */
const base = require('./jest.config.js')

module.exports = {
  ...base,
  roots: ['<rootDir>/test/e2e'],
  testPathIgnorePatterns: ['/node_modules/', '/screenshots/'],
  testTimeout: 120000,
}
