const Sequencer = require('@jest/test-sequencer').default

/**
 * The suites that take minutes, started first so that jest's two workers end together. jest
 * orders by the durations it cached on the last run, but a fresh clone (CI) has none and falls
 * back to file size, which would start the fuzz shards last and leave one worker idle at the end.
 * Longest first; a suite not named keeps jest's own order after these.
 */
const HEAVY = [
  'test/functions/fuzz-',
  'test/functions/faults.test.ts',
  'test/functions/rush.test.ts',
  'test/functions/subscribe-repair.test.ts',
  'test/functions/authorization.test.ts',
]

class HeavyFirst extends Sequencer {
  async sort(tests) {
    const ordered = await super.sort(tests)
    const rank = (test) => {
      const path = test.path.replace(/\\/g, '/')
      const index = HEAVY.findIndex((prefix) => path.includes(`/${prefix}`))
      return index < 0 ? HEAVY.length : index
    }
    // Array.prototype.sort is stable: within a rank, jest's order stands.
    return [...ordered].sort((a, b) => rank(a) - rank(b))
  }
}

module.exports = HeavyFirst
