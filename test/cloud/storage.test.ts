import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCloud, type TestCloud } from '../helpers/cloud'

interface UrlItem {
  fileID: string
  tempFileURL: string
  code: string
}

let cloud: TestCloud

beforeAll(async () => {
  cloud = await startCloud()
})
afterAll(() => cloud?.stop())

const poster = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 250, 0, 9])

async function tempUrl(app: TestCloud['app'], fileID: string): Promise<UrlItem> {
  const { fileList } = await app().getTempFileURL({ fileList: [{ fileID, maxAge: 600 }] })
  return fileList[0] as UrlItem
}

describe('storage through the SDK', () => {
  it('uploads, gives a temporary URL served by the local cloud, downloads, deletes', async () => {
    const app = cloud.app()
    const { fileID } = await app.uploadFile({
      cloudPath: 'posters/六月 海报.png',
      fileContent: poster,
    })
    expect(fileID).toMatch(/^cloud:\/\/.+\/posters\/六月 海报\.png$/)

    const url = await tempUrl(cloud.app, fileID)
    expect(url.code).toBe('SUCCESS')
    expect(url.tempFileURL.startsWith(cloud.url)).toBe(true)
    // The SDK fetches temporary URLs through encodeURI; a browser does the same.
    const res = await fetch(encodeURI(url.tempFileURL))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await res.arrayBuffer()).equals(poster)).toBe(true)

    const { fileContent } = await app.downloadFile({ fileID })
    expect(Buffer.from(fileContent as Buffer).equals(poster)).toBe(true)

    const { fileList } = await app.deleteFile({ fileList: [fileID] })
    expect(fileList).toEqual([expect.objectContaining({ fileID, code: 'SUCCESS' })])
    expect((await tempUrl(cloud.app, fileID)).code).toBe('STORAGE_FILE_NONEXIST')
    expect((await fetch(encodeURI(url.tempFileURL))).status).toBe(404)
  })

  it('refuses a tampered or expired temporary URL', async () => {
    const { fileID } = await cloud.app().uploadFile({ cloudPath: 'a/b.txt', fileContent: poster })
    const url = new URL((await tempUrl(cloud.app, fileID)).tempFileURL)
    expect((await fetch(url)).status).toBe(200)
    const tampered = new URL(url)
    tampered.searchParams.set('t', String(Number(url.searchParams.get('t')) + 1000))
    expect((await fetch(tampered)).status).toBe(403)
    const other = new URL(url)
    other.pathname = '/storage/file/a/c.txt'
    expect((await fetch(other)).status).toBe(403)

    const { fileList } = await cloud.app().getTempFileURL({ fileList: [{ fileID, maxAge: 1 }] })
    const short = (fileList[0] as UrlItem).tempFileURL
    expect((await fetch(short)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect((await fetch(short)).status).toBe(403)
  })

  it('answers a missing file per item and a bad path with an error', async () => {
    const { fileList } = await cloud.app().deleteFile({ fileList: ['cloud://x.y/none.png'] })
    expect(fileList[0]).toMatchObject({ code: 'STORAGE_FILE_NONEXIST' })
    await expect(
      cloud.app().uploadFile({ cloudPath: '../escape.png', fileContent: poster }),
    ).rejects.toMatchObject({ code: 'INVALID_PARAM' })
  })

  it('takes a raw-body upload from the H5 app at POST /dev/upload', async () => {
    const res = await fetch(`${cloud.url}/dev/upload`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('海报.PNG') },
      body: poster,
    })
    expect(res.status).toBe(200)
    const { fileID, tempFileURL } = (await res.json()) as { fileID: string; tempFileURL: string }
    expect(fileID).toMatch(/^cloud:\/\/.+\.png$/)
    const viaSdk = await tempUrl(cloud.app, fileID)
    expect(viaSdk.code).toBe('SUCCESS')
    for (const url of [tempFileURL, viaSdk.tempFileURL]) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer())
      expect(body.equals(poster)).toBe(true)
    }
    // An <img> in the H5 app can show a fileID through /dev/file.
    const shown = await fetch(`${cloud.url}/dev/file?id=${encodeURIComponent(fileID)}`)
    expect(shown.status).toBe(200)
    expect(Buffer.from(await shown.arrayBuffer()).equals(poster)).toBe(true)
    const empty = await fetch(`${cloud.url}/dev/upload`, { method: 'POST', body: '' })
    expect(empty.status).toBe(400)
  })
})

describe('storage on disk', () => {
  it('keeps files across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zg-storage-'))
    try {
      const first = await startCloud({ data: dir })
      const { fileID } = await first.app().uploadFile({
        cloudPath: 'exports/名单.csv',
        fileContent: Buffer.from('姓名,电话\n'),
      })
      await first.stop()
      const second = await startCloud({ data: dir })
      try {
        const { fileContent } = await second.app().downloadFile({ fileID })
        expect(Buffer.from(fileContent as Buffer).toString('utf8')).toBe('姓名,电话\n')
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
