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
}
