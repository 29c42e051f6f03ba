/**
 * Bundles each cloud function into a deployable folder: dist/functions/<name>/ with one
 * index.js (CommonJS, node18, every dependency inside), package.json and config.json. The local
 * cloud runs exactly these folders, so tests exercise what is deployed.
 */
import { build, type Plugin } from 'esbuild'
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(__dirname, '..')

/** The deployed functions; each has cloudfunctions/<name>/index.ts and config.json. */
export const FUNCTIONS = ['api', 'scheduler'] as const

/**
 * Packages esbuild must leave out of the bundle, installed by the cloud on deploy instead.
 * Empty today: @cloudbase/node-sdk and its dependencies bundle cleanly.
 */
const EXTERNAL: string[] = []

/**
 * Modules left out of the bundles because the functions never reach them. Each is imported
 * eagerly at the top of a dependency, so without this list every cold start (a member's first
 * tap after an idle spell) would compile and run it for nothing. Each is replaced by a stub that
 * throws "<module> is not bundled into the cloud functions: <why>" on any use, so a future call
 * fails loudly instead of misbehaving; a new SDK call means checking this list first.
 *
 * Matched by the import as written AND the package that writes it: the same module imported
 * from anywhere else (our own code included) is bundled as usual.
 *
 * Checked against the installed @cloudbase/node-sdk 3.18.3 (its TypeScript sources ship in
 * src/), @cloudbase/database 1.4.3 with its bson 4, and zod 4: none of these is reached by what
 * the functions use, neither at load nor at call time: database (all operations and
 * transactions), callFunction, callWxOpenApi, getTempFileURL, downloadFile, deleteFile,
 * uploadFile (roster exports; it parses COS's reply with xml2js, so xml2js stays bundled),
 * auth().getUserInfo(), getCloudbaseContext, and zod schemas with safeParse. After upgrading
 * any of them, check again; `npm run bench -- --only bundles` shows what the list saves.
 */
const NOT_BUNDLED: NotBundled[] = [
  {
    request: '@cloudbase/wx-cloud-client-sdk',
    importer: '@cloudbase/node-sdk',
    why: 'data models and MySQL clients (app.models, app.mysql, app.rdb); the SDK builds them in init() inside try/catch, and its Headers polyfill only fills a gap Node 18+ does not have',
  },
  {
    request: '@cloudbase/ai',
    importer: '@cloudbase/node-sdk',
    why: 'AI models, reached only through app.ai()',
  },
  {
    request: '@cloudbase/app',
    importer: '@cloudbase/node-sdk',
    why: 'the web SDK core, imported by the SDK only for a language constant of app.ai()',
  },
  {
    request: 'web-streams-polyfill',
    importer: '@cloudbase/node-sdk',
    why: 'streamed AI replies of app.ai()',
  },
  {
    request: 'axios',
    importer: '@cloudbase/node-sdk',
    why: 'the Tencent metadata probe, made only outside a cloud function when TENCENTCLOUD is not "true" (in try/catch, where a failed probe means "not on Tencent Cloud"), and the requestClient shim for tcb extensions',
  },
  {
    request: 'jsonwebtoken',
    importer: '@cloudbase/node-sdk',
    why: 'custom login tickets, auth().createTicket()',
  },
  {
    request: 'form-data',
    importer: '@cloudbase/node-sdk',
    why: 'multipart requests of callCompatibleWxOpenApi, callWxPayApi and wxCallContainerApi; callWxOpenApi sends JSON',
  },
  {
    request: 'https-proxy-agent',
    importer: '@cloudbase/node-sdk',
    why: 'an outbound proxy, used only when init() is given `proxy`, which store/db.ts never does',
  },
  {
    request: 'http-proxy-agent',
    importer: '@cloudbase/node-sdk',
    why: 'an outbound proxy, used only when init() is given `proxy`, which store/db.ts never does',
  },
  {
    request: './realtime/websocket-client',
    importer: '@cloudbase/database',
    why: 'realtime listeners, reached only through watch()',
  },
  {
    request: './parser/serializer',
    importer: 'bson',
    why: "BSON's binary encoder; @cloudbase/database speaks EJSON text and uses only bson's EJSON",
  },
  {
    request: './parser/deserializer',
    importer: 'bson',
    why: "BSON's binary decoder; @cloudbase/database speaks EJSON text and uses only bson's EJSON",
  },
  {
    request: './parser/calculate_size',
    importer: 'bson',
    why: "BSON's binary size count; @cloudbase/database speaks EJSON text and uses only bson's EJSON",
  },
  {
    request: './from-json-schema.js',
    importer: 'zod',
    why: 'z.fromJSONSchema(), building schemas from JSON Schema; the contract is written in zod',
  },
  {
    request: '../locales/index.js',
    importer: 'zod',
    why: "zod's 60-odd message locales, reachable only as z.locales; api/validate.ts imports the Chinese one directly and zod registers English itself",
  },
]

/**
 * Imports built from another file with the same code. zod ships each locale twice (ESM and
 * CommonJS); api/validate.ts names the .cjs one, which would bundle a second copy of zod's
 * utilities next to the ESM ones the rest of zod uses.
 */
const SAME_CODE: Record<string, string> = {
  'zod/v4/locales/zh-CN.cjs': 'zod/v4/locales/zh-CN.js',
}

interface NotBundled {
  /** The import exactly as the importer writes it. */
  request: string
  /** The package whose own files make the import. */
  importer: string
  /** Why the functions never reach it: shown in the stub's error. */
  why: string
}

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** The package a file belongs to: the last node_modules/<name> (or @scope/name) in its path. */
function packageOf(file: string): string | undefined {
  const parts = file.split(sep)
  const at = parts.lastIndexOf('node_modules')
  if (at < 0) return undefined
  return parts[at + 1]?.startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1]
}

/**
 * Stub for an unused module. An ES module gets its export names, each a function that throws,
 * because a namespace re-export (`export * as x`) copies the names at load time; a CommonJS one
 * gets a proxy that throws on any property read, call or `new`, and answers only the probes
 * bundler interop makes at load (`__esModule`, symbols).
 */
async function stubSource(entry: NotBundled, resolved: string): Promise<string> {
  const message = `${entry.request} (imported by ${entry.importer}) is not bundled into the cloud functions: ${entry.why}`
  const fail = `function notBundled() { throw new Error(${JSON.stringify(message)}) }`
  const probe = await build({
    entryPoints: [resolved],
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    outdir: 'probe',
    logLevel: 'silent',
  })
  const input = Object.values(probe.metafile.inputs)[0]
  const output = Object.values(probe.metafile.outputs)[0]
  if (input?.format === 'esm' && output) {
    const exported = output.exports.map((name) => `notBundled as ${JSON.stringify(name)}`)
    return `${fail}\nexport { ${exported.join(', ')} }\n`
  }
  return `${fail}
module.exports = new Proxy(function () {}, {
  get(_target, key) {
    if (key === '__esModule' || typeof key === 'symbol') return undefined
    return notBundled()
  },
  apply: notBundled,
  construct: notBundled,
})
`
}

function notBundledPlugin(): Plugin {
  const requests = [...new Set(NOT_BUNDLED.map((entry) => entry.request))]
  return {
    name: 'not-bundled',
    setup(builder) {
      builder.onResolve(
        { filter: new RegExp(`^(${requests.map(escapeRegExp).join('|')})$`) },
        async (args) => {
          if ((args.pluginData as { realResolve?: boolean } | undefined)?.realResolve)
            return undefined
          const entry = NOT_BUNDLED.find(
            (e) => e.request === args.path && packageOf(args.importer) === e.importer,
          )
          if (!entry) return undefined
          // Resolved for real all the same: a stub standing in for a module that no longer
          // exists would hide a list gone stale.
          const real = await builder.resolve(args.path, {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
            pluginData: { realResolve: true },
          })
          if (real.errors.length > 0) return { errors: real.errors }
          return { path: real.path, namespace: 'not-bundled', pluginData: entry }
        },
      )
      builder.onLoad({ filter: /.*/, namespace: 'not-bundled' }, async (args) => ({
        contents: await stubSource(args.pluginData as NotBundled, args.path),
        loader: 'js',
      }))
      const sameCode = Object.keys(SAME_CODE)
      builder.onResolve(
        { filter: new RegExp(`^(${sameCode.map(escapeRegExp).join('|')})$`) },
        (args) =>
          builder.resolve(SAME_CODE[args.path], {
            kind: args.kind,
            importer: args.importer,
            resolveDir: args.resolveDir,
          }),
      )
    },
  }
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
    plugins: [notBundledPlugin()],
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
