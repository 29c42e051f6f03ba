import { extname } from 'node:path'

/**
 * Cloud paths are kept to what survives a URL unescaped and a file system unharmed: no `..`
 * segments, no `?`, `#`, `%` or backslash, no leading slash. The SDK passes the temporary URL
 * through `encodeURI` before fetching it, so the URL carries the path raw.
 */
export function validCloudPath(path: unknown): path is string {
  if (typeof path !== 'string' || path === '' || path.length > 850) return false
  if (/[?#%\\]/.test(path) || [...path].some((c) => c.charCodeAt(0) < 32)) return false
  if (path.startsWith('/')) return false
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** `cloud://<env>.<bucket>/<path>` → `<path>`; the local cloud has one bucket for every env. */
export function keyOfFileId(fileId: unknown): string | undefined {
  if (typeof fileId !== 'string') return undefined
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
  return match && validCloudPath(match[1]) ? match[1] : undefined
}

export function fileIdOf(env: string, key: string): string {
  const envId = env || 'local'
  return `cloud://${envId}.${envId}-local-bucket/${key}`
}

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export function contentTypeOf(key: string): string {
  return TYPES[extname(key).toLowerCase()] ?? 'application/octet-stream'
}

export function extensionOf(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase()
  const found = Object.entries(TYPES).find(([, value]) => value.split(';')[0] === type)
  return found ? found[0] : ''
}
