import Taro from '@tarojs/taro'
import { cloudUrl, devHeaders } from './dev'
import { networkError } from './errors'
import { newRequestId } from './request-id'

/** H5 only: the local cloud takes the raw bytes at `/dev/upload` and answers a `cloud://` id. */
async function devUpload(bytes: Blob, cloudPath: string): Promise<string> {
  const res = await fetch(cloudUrl('/dev/upload'), {
    method: 'POST',
    headers: { 'x-cloud-path': encodeURIComponent(cloudPath), ...(await devHeaders()) },
    body: bytes,
  })
  const body = (await res.json()) as { fileID?: unknown }
  if (!res.ok || typeof body.fileID !== 'string') throw networkError()
  return body.fileID
}

/** Uploads a chosen image to cloud storage; resolves with its `cloud://` file id. */
export async function uploadImage(filePath: string, folder: string): Promise<string> {
  const ext = /\.(png|jpe?g|gif|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
  const cloudPath = `${folder}/${newRequestId()}.${ext}`
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
      return res.fileID
    }
    // In H5 a chosen image is a blob: URL.
    return await devUpload(await (await fetch(filePath)).blob(), cloudPath)
  } catch {
    throw networkError()
  }
}

export interface UploadedFile {
  fileId: string
  /** The name the user chose, to show back. */
  name: string
}

/** H5: a file input, opened from the tap; resolves null when the chooser is closed. */
function pickBrowserFile(extensions: readonly string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((e) => `.${e}`).join(',')
    input.style.display = 'none'
    document.body.appendChild(input)
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    input.click()
  })
}

/**
 * Lets the user pick a spreadsheet (from a WeChat chat on the phone, a file chooser in H5) and
 * uploads it to cloud storage. Resolves null when nothing was chosen.
 */
export async function chooseAndUploadFile(
  extensions: readonly string[],
  folder: string,
): Promise<UploadedFile | null> {
  const cloudPathOf = (name: string) => {
    const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? extensions[0]
    return `${folder}/${newRequestId()}.${ext}`
  }
  if (process.env.TARO_ENV === 'weapp') {
    let file: { path: string; name: string } | undefined
    try {
      const res = await Taro.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: [...extensions],
      })
      file = res.tempFiles[0]
    } catch {
      return null // cancelled
    }
    if (!file) return null
    try {
      const res = await Taro.cloud.uploadFile({
        cloudPath: cloudPathOf(file.name),
        filePath: file.path,
      })
      return { fileId: res.fileID, name: file.name }
    } catch {
      throw networkError()
    }
  }
  const file = await pickBrowserFile(extensions)
  if (!file) return null
  try {
    return { fileId: await devUpload(file, cloudPathOf(file.name)), name: file.name }
  } catch {
    throw networkError()
  }
}
