import { createReadStream, existsSync, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves the H5 build. Taro's H5 app routes by hash, so every path that is not a file falls
 * back to index.html (a reload or a typed URL still lands in the app).
 */
export function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const base = resolve(root)
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return false
  }
  let file = resolve(join(base, relative))
  if (file !== base && !file.startsWith(base + sep)) return false
  if (!isFile(file)) {
    if (extname(relative) !== '') return false
    file = join(base, 'index.html')
    if (!isFile(file)) return false
  }
  const html = file.endsWith('.html')
  res.writeHead(200, {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // The entry page must be fresh after a rebuild; hashed assets may be cached.
    'cache-control': html ? 'no-cache' : 'public, max-age=3600',
  })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
  return true
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile()
}
