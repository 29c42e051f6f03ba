import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '..')

/** A file each build always writes: its absence means the build is missing. */
const MARKER = { weapp: 'dist/weapp/app.json', h5: 'dist/h5/index.html' } as const

/** Builds dist/<target> with its npm script when it is missing; an existing build is used as is. */
export async function ensureBuilt(target: keyof typeof MARKER): Promise<string> {
  const dir = join(ROOT, 'dist', target)
  if (existsSync(join(ROOT, MARKER[target]))) return dir
  console.error(`bench: dist/${target} is missing, running npm run build:${target}`)
  // The build's output goes to stderr: stdout carries the bench table alone.
  const child = spawn('npm', ['run', `build:${target}`], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  })
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail)
    child.once('exit', done)
  })
  if (code !== 0) throw new Error(`npm run build:${target} exited with ${code}`)
  return dir
}
