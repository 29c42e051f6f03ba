import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { CloudContext, CloudService } from '../service'
import { guarded, sendJson } from './http'
import { serveStatic } from './static'

const PAGES: Record<string, { file: string; type: string }> = {
  '/dev': { file: 'identities.html', type: 'text/html; charset=utf-8' },
  '/dev/': { file: 'identities.html', type: 'text/html; charset=utf-8' },
  '/dev/wechat': { file: 'wechat.html', type: 'text/html; charset=utf-8' },
  '/dev/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
}

/**
 * The pages beside the H5 app: the identity switcher (`/dev`), 微信 (`/dev/wechat`),
 * `GET /dev/identities`, and the H5 build itself at `/`. Goes last in the routing order: it
 * answers any GET that no other service took.
 */
export class DevPagesService implements CloudService {
  readonly name = 'dev'
  private identities: CloudContext['identities'] = []

  constructor(private readonly h5Dir: string) {}

  start(ctx: CloudContext): void {
    this.identities = ctx.identities
  }

  route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> | boolean {
    const { pathname } = url
    if (pathname === '/dev/identities') {
      return guarded(req, res, async () => {
        sendJson(
          res,
          200,
          this.identities.map(({ openid, role, name, idNumber }) =>
            // Only the unverified demo member needs hers: to try 会员认证 by hand.
            role === 'unverified' && idNumber
              ? { openid, role, name, idNumber }
              : { openid, role, name },
          ),
        )
      })
    }
    const page = PAGES[pathname]
    if (page && (req.method === 'GET' || req.method === 'HEAD')) {
      // Read per request: the pages are small, and an edit shows without a restart.
      const body = readFileSync(join(__dirname, 'pages', page.file))
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-cache' })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }
    if (pathname.startsWith('/dev/') || pathname === '/admin') return false
    if (serveStatic(this.h5Dir, req, res, url)) return true
    if (pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(
        '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
          '<p style="font:16px sans-serif;padding:16px">H5 应用尚未构建：运行 <code>npm run build:h5</code>。' +
          '<br><a href="/dev">切换身份</a> · <a href="/dev/wechat">微信</a></p>',
      )
      return true
    }
    return false
  }
}
