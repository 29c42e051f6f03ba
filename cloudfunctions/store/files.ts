import { app, checked } from './db'

/** The real service answers at most 50 files per temporary-URL request. */
const BATCH = 50

/**
 * Temporary download URLs for cloud:// file ids. A file that cannot be resolved is left out,
 * so one missing poster does not fail a whole list.
 */
export async function tempUrls(fileIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)]
  const urls = new Map<string, string>()
  for (let i = 0; i < unique.length; i += BATCH) {
    const res = await app().getTempFileURL({ fileList: unique.slice(i, i + BATCH) })
    for (const file of res.fileList ?? []) {
      const ok = !file.code || file.code === 'SUCCESS'
      if (ok && file.tempFileURL) urls.set(file.fileID, file.tempFileURL)
    }
  }
  return urls
}

/**
 * Stores bytes at `cloudPath` (overwriting what was there, so a retried write keeps one file)
 * and answers the cloud:// id with a temporary download URL.
 */
export async function putFile(
  cloudPath: string,
  bytes: Uint8Array,
): Promise<{ fileId: string; url: string }> {
  const res = checked(await app().uploadFile({ cloudPath, fileContent: Buffer.from(bytes) }))
  if (!res.fileID) throw new Error(`upload of ${cloudPath} answered no file id`)
  const url = (await tempUrls([res.fileID])).get(res.fileID)
  if (!url) throw new Error(`no download URL for ${res.fileID}`)
  return { fileId: res.fileID, url }
}
