/**
 * `npm start`: builds the functions and the H5 app, then runs the local cloud serving both,
 * on the demo data (seeded on first start; `npm start -- --reset` seeds anew).
 */
import { spawn } from 'node:child_process'
import { runSteps } from './run-steps'

const port = process.env.PORT ?? '4100'
const passThrough = process.argv.slice(2)

runSteps([
  {
    title: '构建云函数 build functions',
    command: 'npm',
    args: ['run', '--silent', 'build:functions'],
  },
  { title: '构建 H5 build h5', command: 'npm', args: ['run', '--silent', 'build:h5'] },
])

const cloud = spawn('node_modules/.bin/tsx', ['cloud/cli.ts', '--port', port, ...passThrough], {
  stdio: 'inherit',
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => cloud.kill(signal))
}
cloud.on('exit', (code) => process.exit(code ?? 0))
