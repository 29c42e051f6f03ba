import { app } from './db'

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
