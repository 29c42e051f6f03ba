/**
 * `npm run test:e2e`: Playwright with Debian's Chromium over the H5 build on the local cloud.
 * Screenshots of every visited page land in test/e2e/screenshots/ (git-ignored).
 */
import { runJest, runSteps } from './run-steps'

runSteps([
  {
    title: '构建云函数 build functions',
    command: 'npm',
    args: ['run', '--silent', 'build:functions'],
  },
  { title: '构建 H5 build h5', command: 'npm', args: ['run', '--silent', 'build:h5'] },
])
runJest('端到端测试 e2e (Chromium)', 'e2e', ['-c', 'jest.e2e.config.js', '--runInBand'])
