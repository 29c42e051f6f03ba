/**
 * Bundles each cloud function into a deployable folder: dist/functions/<name>/ with one
 * index.js (CommonJS, node18, every dependency inside), package.json and config.json. The local
 * cloud runs exactly these folders, so tests exercise what is deployed.
 */
import { build } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(__dirname, '..')

/** The deployed functions; each has cloudfunctions/<name>/index.ts and config.json. */
export const FUNCTIONS = ['api', 'scheduler'] as const

/**
 * Packages esbuild must leave out of the bundle, installed by the cloud on deploy instead.
 * Empty today: @cloudbase/node-sdk and its dependencies bundle cleanly.
 */
const EXTERNAL: string[] = []

export interface FunctionBundle {
  name: string
  bytes: number
}

function dependencyVersions(names: string[]): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }
  const all = { ...pkg.dependencies, ...pkg.devDependencies }
  return Object.fromEntries(names.map((name) => [name, all[name] ?? '*']))
}

async function buildOne(name: string, outDir: string): Promise<FunctionBundle> {
  const src = join(ROOT, 'cloudfunctions', name)
  const out = join(outDir, name)
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  await build({
    entryPoints: [join(src, 'index.ts')],
    outfile: join(out, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    external: EXTERNAL,
    minify: true,
    keepNames: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    // Some SDK dependencies probe optional packages with require() in try/catch.
    logOverride: { 'require-resolve-not-external': 'silent' },
  })
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify(
      {
        name,
        version: '1.0.0',
        private: true,
        main: 'index.js',
        dependencies: dependencyVersions(EXTERNAL),
      },
      null,
      2,
    )}\n`,
  )
  writeFileSync(join(out, 'config.json'), readFileSync(join(src, 'config.json')))
  return { name, bytes: statSync(join(out, 'index.js')).size }
}

export async function buildFunctions(outDir = 'dist/functions'): Promise<void> {
  await buildFunctionsWithSizes(outDir)
}

export async function buildFunctionsWithSizes(
  outDir = 'dist/functions',
): Promise<FunctionBundle[]> {
  const dir = resolve(ROOT, outDir)
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
  return Promise.all(FUNCTIONS.map((name) => buildOne(name, dir)))
}

function isMain(): boolean {
  const entry = process.argv[1]
  return (
    entry !== undefined && pathToFileURL(resolve(entry)).href === pathToFileURL(__filename).href
  )
}

if (isMain()) {
  const started = Date.now()
  buildFunctionsWithSizes()
    .then((bundles) => {
      for (const { name, bytes } of bundles) {
        console.log(`dist/functions/${name}/index.js  ${(bytes / 1024).toFixed(1)} KB (${bytes} B)`)
      }
      console.log(`云函数构建完成 functions built in ${Date.now() - started} ms`)
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
