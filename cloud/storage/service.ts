import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { CloudError, type CloudContext, type CloudService, type SdkRequestInfo } from '../service'
import { guarded, HttpError, readBody, sendJson } from '../dev/http'
import { DiskBlobs, MemoryBlobs, type Blobs } from './blobs'
import { contentTypeOf, extensionOf, fileIdOf, keyOfFileId, validCloudPath } from './paths'

const UPLOAD_TTL_MS = 10 * 60_000
const MAX_FILE_BYTES = 20 * 1024 * 1024
/** Seconds a temporary URL lives when the caller names no max_age (the real default: a day). */
const DEFAULT_MAX_AGE_S = 86_400

interface PendingUpload {
  key: string
  fileId: string
  expires: number
}

/**
 * Cloud storage as the SDK reaches it: `storage.getUploadMetadata` hands out a one-off upload
 * URL on this server (the SDK then PUTs the bytes there, as it would to COS),
 * `storage.batchGetDownloadUrl` signs temporary URLs that this server serves,
 * `storage.batchDeleteFile` deletes. `POST /dev/upload` is the H5 app's way in.
 */
export class StorageService implements CloudService {
  readonly name = 'storage'
  private blobs: Blobs = new MemoryBlobs()
  private ctx: CloudContext | undefined
  private readonly pending = new Map<string, PendingUpload>()
  private readonly secret = randomBytes(32)
  readonly actions = {
    'storage.getUploadMetadata': async (p: Record<string, unknown>, r: SdkRequestInfo) =>
      this.uploadMetadata(p, r),
    'storage.batchGetDownloadUrl': async (p: Record<string, unknown>) => this.downloadUrls(p),
    'storage.batchDeleteFile': async (p: Record<string, unknown>) => this.deleteFiles(p),
  }

  start(ctx: CloudContext): void {
    this.ctx = ctx
    if (ctx.dataDir !== null) this.blobs = new DiskBlobs(join(ctx.dataDir, 'storage'))
  }

  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean {
    const { pathname } = url
    if (pathname.startsWith('/storage/upload/')) {
      return guarded(req, res, () => this.receiveUpload(req, res, pathname.slice(16)))
    }
    if (pathname.startsWith('/storage/file/')) {
      return guarded(req, res, async () => this.serveFile(req, res, url))
    }
    if (pathname === '/dev/upload') return guarded(req, res, () => this.devUpload(req, res))
    if (pathname === '/dev/file')
      return guarded(req, res, async () => this.redirectToFile(res, url))
    return false
  }

  private uploadMetadata(params: Record<string, unknown>, request: SdkRequestInfo) {
    const path = params.path
    if (!validCloudPath(path)) throw new CloudError('INVALID_PARAM', `云端路径不合法: ${path}`)
    const token = randomUUID()
    const fileId = fileIdOf(request.env, path)
    this.pending.set(token, { key: path, fileId, expires: this.realNow() + UPLOAD_TTL_MS })
    return {
      data: {
        url: `${this.context().baseUrl}/storage/upload/${token}`,
        token,
        authorization: `local ${token}`,
        fileId,
        cosFileId: token,
        download_url: this.signedUrl(path, DEFAULT_MAX_AGE_S),
      },
    }
  }

  private downloadUrls(params: Record<string, unknown>) {
    const list = params.file_list
    if (!Array.isArray(list)) throw new CloudError('INVALID_PARAM', 'file_list 必须是数组')
    return {
      data: {
        download_list: list.map((item: unknown) => {
          const { fileid, max_age: maxAge } = (item ?? {}) as Record<string, unknown>
          const key = keyOfFileId(fileid)
          if (key === undefined || this.blobs.get(key) === undefined) {
            return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
          }
          const age = typeof maxAge === 'number' && maxAge > 0 ? maxAge : DEFAULT_MAX_AGE_S
          return { fileID: fileid, tempFileURL: this.signedUrl(key, age), code: 'SUCCESS' }
        }),
      },
    }
  }

  private deleteFiles(params: Record<string, unknown>) {
    const list = params.fileid_list
    if (!Array.isArray(list)) throw new CloudError('INVALID_PARAM', 'fileid_list 必须是数组')
    return {
      data: {
        delete_list: list.map((fileId: unknown) => {
          const key = keyOfFileId(fileId)
          const deleted = key !== undefined && this.blobs.delete(key)
          return { fileID: fileId, code: deleted ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
        }),
      },
    }
  }

  private async receiveUpload(req: IncomingMessage, res: ServerResponse, token: string) {
    if (req.method !== 'PUT') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 PUT')
    const upload = this.pending.get(token)
    this.pending.delete(token)
    if (!upload || upload.expires < this.realNow()) {
      // COS answers a bad upload with an XML error body, which the SDK parses.
      const xml = `<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>upload url expired or used</Message><RequestId>${token}</RequestId><TraceId>local</TraceId></Error>`
      res.writeHead(403, { 'content-type': 'application/xml' })
      res.end(xml)
      return
    }
    this.blobs.put(upload.key, await readBody(req, MAX_FILE_BYTES))
    res.writeHead(200, { 'content-length': 0, etag: `"${token}"` })
    res.end()
  }

  private serveFile(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 GET')
    }
    const key = url.pathname.slice(14).split('/').map(decodeURIComponent).join('/')
    const t = Number(url.searchParams.get('t'))
    const sign = url.searchParams.get('sign') ?? ''
    if (!this.validSign(key, t, sign) || t * 1000 < this.realNow()) {
      throw new HttpError(403, 'SIGN_EXPIRED', '临时链接无效或已过期')
    }
    const bytes = this.blobs.get(key)
    if (!bytes) throw new HttpError(404, 'STORAGE_FILE_NONEXIST', '文件不存在')
    res.writeHead(200, {
      'content-type': contentTypeOf(key),
      'content-length': bytes.length,
      'cache-control': 'private, max-age=600',
    })
    res.end(req.method === 'HEAD' ? undefined : bytes)
  }

  /**
   * Raw body upload for the H5 app: the file's bytes as the body, `content-type` its type,
   * optional `x-file-name` (URI-encoded) for the extension, optional `x-cloud-path` to choose
   * the path. Answers `{fileID, tempFileURL}`.
   */
  private async devUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请用 POST')
    const bytes = await readBody(req, MAX_FILE_BYTES)
    if (bytes.length === 0) throw new HttpError(400, 'INVALID_PARAM', '文件内容为空')
    const key = this.devUploadKey(req)
    this.blobs.put(key, bytes)
    sendJson(res, 200, {
      fileID: fileIdOf('', key),
      tempFileURL: this.signedUrl(key, DEFAULT_MAX_AGE_S),
    })
  }

  private devUploadKey(req: IncomingMessage): string {
    const wanted = header(req, 'x-cloud-path')
    if (wanted !== undefined) {
      const path = safeDecode(wanted)
      if (!validCloudPath(path)) throw new HttpError(400, 'INVALID_PARAM', '云端路径不合法')
      return path
    }
    const name = safeDecode(header(req, 'x-file-name') ?? '')
    const fromName = /\.[A-Za-z0-9]{1,8}$/.exec(name)?.[0].toLowerCase()
    const ext = fromName ?? extensionOf(header(req, 'content-type'))
    const day = this.context().clock.now().toISOString().slice(0, 10)
    return `uploads/${day}/${randomUUID()}${ext}`
  }

  /** `GET /dev/file?id=cloud://...`: lets an H5 <img> show a fileID, as wx's <image> can. */
  private redirectToFile(res: ServerResponse, url: URL): void {
    const key = keyOfFileId(url.searchParams.get('id'))
    if (key === undefined || this.blobs.get(key) === undefined) {
      throw new HttpError(404, 'STORAGE_FILE_NONEXIST', '文件不存在')
    }
    res.writeHead(302, { location: this.signedUrl(key, 600), 'cache-control': 'no-store' })
    res.end()
  }

  private signedUrl(key: string, maxAgeS: number): string {
    const t = Math.floor(this.realNow() / 1000) + Math.floor(maxAgeS)
    return `${this.context().baseUrl}/storage/file/${key}?sign=${this.sign(key, t)}&t=${t}`
  }

  private sign(key: string, t: number): string {
    return createHmac('sha256', this.secret).update(`${key}\n${t}`).digest('hex').slice(0, 32)
  }

  private validSign(key: string, t: number, sign: string): boolean {
    if (!Number.isFinite(t)) return false
    const expected = Buffer.from(this.sign(key, t))
    const given = Buffer.from(sign)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  /** URLs expire in real time: shifting the dev clock is about the domain, not about links. */
  private realNow(): number {
    const clock = this.context().clock
    return clock.now().getTime() - clock.offsetMs()
  }

  private context(): CloudContext {
    if (!this.ctx) throw new CloudError('SYS_ERR', '本地云尚未启动')
    return this.ctx
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw new HttpError(400, 'INVALID_PARAM', `${value} 不是合法的 URI 编码`)
  }
}
