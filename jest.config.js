/** Unit, local-cloud, function and weapp suites. The e2e suite runs apart (npm run test:e2e). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/cloud', '<rootDir>/cloudfunctions'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/', '/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2022',
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@contract$': '<rootDir>/cloudfunctions/contract/index.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  testTimeout: 60000,
  // jest's default is one worker fewer than the cores, so on a 2-core machine everything ran in
  // band while the suites mostly wait on their local cloud's process: two keep both cores busy.
  maxWorkers: 2,
  testSequencer: '<rootDir>/test/sequencer.js',
}
