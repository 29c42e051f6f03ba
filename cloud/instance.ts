import type { AddressInfo } from 'node:net'
import { installClock } from './clock'
import { createDatabaseService } from './database'
import { DevPagesService } from './dev/service'
import { FaultsService } from './faults/service'
import { createFunctionsService, LOCAL_APP_ID } from './functions'
import { demoData } from './seed'
import { createCloudServer } from './server'
import type { CloudContext, CloudService } from './service'
import { StorageService } from './storage/service'
import { TriggersService } from './triggers/service'
import { WxService } from './wx/service'

export interface LocalCloudOptions {
  /** 0 picks a free port. */
  port: number
  /** Data folder; null (or memory: true) keeps everything in memory. */
  dataDir: string | null
  memory?: boolean
  reset?: boolean
  seed?: boolean
  schemaFile?: string | null
  functionsDir?: string
  h5Dir?: string
  /** A fault description to start with (see cloud/faults/spec.ts); POST /dev/faults changes it. */
  faults?: unknown
}

export interface LocalCloud {
  url: string
  port: number
  stop(): Promise<void>
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const clock = installClock()
  const dataDir = opts.memory ? null : opts.dataDir
  const database = createDatabaseService({
    schemaFile: opts.schemaFile ?? null,
    dataDir,
    reset: opts.reset,
  })

  const functions = createFunctionsService({ dir: opts.functionsDir })
  // ---- The emulated services, in routing order. Other services go in this one array. ----
  const services: CloudService[] = [
    // First: its interceptor sees every SDK action before the service that answers it.
    new FaultsService(functions.runner, opts.faults),
    database,
    functions,
    new TriggersService(functions.runner),
    new WxService(LOCAL_APP_ID),
    new StorageService(),
    // Last: it serves the H5 build for any GET nothing else took.
    new DevPagesService(opts.h5Dir ?? 'dist/h5'),
  ]
  // ---------------------------------------------------------------------------------------

  const server = createCloudServer(services)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`

  const demo = demoData(clock.now())
  const ctx: CloudContext = { baseUrl: url, clock, dataDir, identities: demo.identities }
  for (const s of services) await s.start?.(ctx)
  if (opts.seed !== false && database.isNew) database.seed(demo.collections)

  let stopping: Promise<void> | null = null
  const stop = () => {
    stopping ??= (async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      // Reverse order: services that write through the database stop before it.
      for (const s of [...services].reverse()) await s.stop?.()
    })()
    return stopping
  }
  return { url, port, stop }
}
