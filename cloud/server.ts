import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import {
  CloudError,
  type CloudService,
  type SdkActionHandler,
  type SdkNext,
  type SdkReply,
} from './service'

const MAX_BODY = 50 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new CloudError('INVALID_PARAM', 'request body too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

/**
 * The SDK's admin endpoint: `POST /admin?env=..&seqId=..` with `{action, ...params}`. Like the
 * real service it always answers HTTP 200; a failure is a truthy `code` in the body.
 */
type Intercept = (
  action: string,
  params: Record<string, unknown>,
  next: SdkNext,
) => Promise<SdkReply>

async function handleAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  findAction: (name: string) => SdkActionHandler | undefined,
  intercepted: Intercept,
): Promise<void> {
  const requestId = `${url.searchParams.get('seqId') ?? 'local'}_${randomBytes(4).toString('hex')}`
  try {
    let params: unknown
    try {
      params = JSON.parse(await readBody(req))
    } catch (err) {
      if (err instanceof CloudError) throw err
      throw new CloudError('INVALID_PARAM', 'request body is not JSON')
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params))
      throw new CloudError('INVALID_PARAM', 'request body must be a JSON object')
    const body = params as Record<string, unknown>
    const action = typeof body.action === 'string' ? body.action : ''
    const handler = findAction(action)
    if (!handler) throw new CloudError('INVALID_ACTION', `action ${action || '(none)'} 不受支持`)
    const env = url.searchParams.get('env') ?? String(body.envName ?? '')
    const result = await intercepted(action, body, () =>
      handler(body, { env, headers: req.headers }),
    )
    send(res, 200, { requestId, ...result })
  } catch (err) {
    if (err instanceof CloudError) {
      send(res, 200, { requestId, code: err.code, message: err.message })
      return
    }
    console.error('[local cloud] internal error', err)
    const message = err instanceof Error ? err.message : String(err)
    send(res, 200, {
      requestId,
      code: 'SYS_ERR',
      message: `local cloud internal error: ${message}`,
    })
  }
}

export function createCloudServer(services: CloudService[]): Server {
  // Looked up per request: a service may fill its actions in start().
  const findAction = (name: string): SdkActionHandler | undefined => {
    for (const s of services)
      if (s.actions && Object.hasOwn(s.actions, name)) return s.actions[name]
    return undefined
  }

  const interceptors: Intercept[] = services.flatMap((s) =>
    s.intercept ? [s.intercept.bind(s)] : [],
  )
  // The first service's interceptor runs outermost.
  const intercepted: Intercept = (action, params, last) =>
    interceptors.reduceRight<SdkNext>((next, wrap) => () => wrap(action, params, next), last)()

  return createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1')
        if (req.method === 'POST' && url.pathname === '/admin') {
          await handleAdmin(req, res, url, findAction, intercepted)
          return
        }
        for (const s of services) {
          if (s.route && (await s.route(req, res, url))) return
        }
        send(res, 404, { code: 'NOT_FOUND', message: `${req.method} ${url.pathname} not found` })
      } catch (err) {
        console.error('[local cloud] route failed', err)
        send(res, 500, { code: 'SYS_ERR', message: err instanceof Error ? err.message : 'error' })
      }
    })()
  })
}
