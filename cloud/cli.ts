import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startLocalCloud } from './instance'

const DEFAULT_FUNCTIONS = 'dist/functions'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4100' },
    memory: { type: 'boolean', default: false },
    reset: { type: 'boolean', default: false },
    data: { type: 'string', default: '.data/cloud' },
    'no-seed': { type: 'boolean', default: false },
    schema: { type: 'string', default: 'cloudfunctions/store/schema.json' },
    functions: { type: 'string', default: DEFAULT_FUNCTIONS },
    h5: { type: 'string', default: 'dist/h5' },
    faults: { type: 'string' },
  },
  strict: true,
})

async function buildFunctionsIfMissing(dir: string): Promise<void> {
  if (dir !== DEFAULT_FUNCTIONS || existsSync(resolve(dir))) return
  const script = resolve('scripts/build-functions.ts')
  if (!existsSync(script)) {
    console.warn(`⚠ ${dir} 不存在，且没有 scripts/build-functions.ts：云函数将不可用`)
    return
  }
  console.log(`正在构建云函数到 ${dir} …`)
  const mod = (await import(script)) as { buildFunctions?: (outDir?: string) => Promise<void> }
  if (typeof mod.buildFunctions !== 'function') {
    console.warn('⚠ scripts/build-functions.ts 没有导出 buildFunctions：跳过构建')
    return
  }
  try {
    await mod.buildFunctions(dir)
  } catch (err) {
    // The database and the pages still work without functions; say so and carry on.
    console.warn(`⚠ 云函数构建失败，云函数将不可用: ${err instanceof Error ? err.message : err}`)
  }
}

/** `--faults` takes the JSON itself or the path of a JSON file. */
function faultsOption(value: string | undefined): unknown {
  if (value === undefined) return undefined
  const text = value.trim().startsWith('{') ? value : readFileSync(resolve(value), 'utf8')
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new Error(`--faults 不是合法的 JSON: ${value}`)
  }
}

async function main(): Promise<void> {
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`无效端口: ${values.port}`)
  await buildFunctionsIfMissing(values.functions)
  const cloud = await startLocalCloud({
    port,
    dataDir: values.memory ? null : resolve(values.data),
    memory: values.memory,
    reset: values.reset,
    seed: !values['no-seed'],
    schemaFile: resolve(values.schema),
    functionsDir: resolve(values.functions),
    h5Dir: resolve(values.h5),
    faults: faultsOption(values.faults),
  })
  console.log(
    `本地云已启动 ${cloud.url}  (${values.memory ? '内存模式' : `数据目录 ${values.data}`})`,
  )
  if (values.faults !== undefined)
    console.log(`故障注入已开启 faults on: GET ${cloud.url}/dev/faults`)

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    cloud
      .stop()
      .then(() => {
        console.log(`本地云已停止 (${signal})`)
        process.exit(0)
      })
      .catch((err: unknown) => {
        console.error('停止时出错', err)
        process.exit(1)
      })
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((err: unknown) => {
  console.error('本地云启动失败:', err instanceof Error ? err.message : err)
  process.exit(1)
})
