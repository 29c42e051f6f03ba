import type { IncomingMessage, ServerResponse } from 'node:http'

/** Small HTTP helpers shared by the dev endpoints (functions, wx, storage, pages). */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export async function readBody(
  req: IncomingMessage,
  limitBytes = 10 * 1024 * 1024,
): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limitBytes)
      throw new HttpError(413, 'BODY_TOO_LARGE', `请求体超过 ${limitBytes} 字节`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** An empty body reads as `{}`; anything but a JSON object or array is a 400. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8').trim()
  if (text === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new HttpError(400, 'INVALID_JSON', '请求体不是合法的 JSON')
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...CORS,
  })
  res.end(text)
}

export function sendError(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    sendJson(res, error.status, { code: error.code, message: error.message })
    return
  }
  const message = error instanceof Error ? error.message : String(error)
  sendJson(res, 500, { code: 'INTERNAL_ERROR', message })
}

/** The dev identity a request acts as; '' when none was chosen. */
export function devOpenid(req: IncomingMessage): string {
  const value = req.headers['x-dev-openid']
  const openid = (Array.isArray(value) ? value[0] : value)?.trim() ?? ''
  if (openid !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
    throw new HttpError(400, 'INVALID_OPENID', 'x-dev-openid 格式不正确')
  }
  return openid
}

/**
 * The H5 app may be served from Taro's own dev server (TARO_APP_CLOUD_URL), another origin;
 * the dev endpoints are local-only, so any origin may call them.
 */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, x-dev-openid, x-file-name, x-cloud-path',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
}

/**
 * Runs a route handler, turning thrown errors into JSON replies so the server keeps serving.
 * Answers CORS preflights itself.
 */
export async function guarded(
  req: IncomingMessage,
  res: ServerResponse,
  handler: () => Promise<void>,
): Promise<true> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { ...CORS, 'access-control-max-age': '600' })
    res.end()
    return true
  }
  try {
    await handler()
  } catch (error) {
    if (!res.headersSent) sendError(res, error)
    else res.destroy()
  }
  return true
}
