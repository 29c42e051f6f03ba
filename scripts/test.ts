/**
 * `npm test`: everything but the browser suite, in the order that fails fastest.
 * Builds first because the function and weapp suites run the BUILT code, as deployed.
 */
import { runJest, runSteps } from './run-steps'

runSteps([
  {
    title: '构建云函数 build functions',
    command: 'npm',
    args: ['run', '--silent', 'build:functions'],
  },
  {
    title: '类型检查 typecheck',
    command: 'node_modules/.bin/tsc',
    args: ['--noEmit', '-p', 'tsconfig.json'],
  },
  { title: '代码规范 lint', command: 'node_modules/.bin/eslint', args: ['.'] },
  {
    title: '格式 format',
    command: 'node_modules/.bin/prettier',
    args: ['--check', '.', '--log-level', 'warn'],
  },
  { title: '构建小程序 build weapp', command: 'npm', args: ['run', '--silent', 'build:weapp'] },
])
runJest('单元、本地云、云函数、小程序测试 jest', 'main')
