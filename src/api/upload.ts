import Taro from '@tarojs/taro'
import { cloudUrl, devHeaders } from './dev'
import { networkError } from './errors'
import { newRequestId } from './request-id'

/** Uploads a chosen image to cloud storage; resolves with its `cloud://` file id. */
export async function uploadImage(filePath: string, folder: string): Promise<string> {
  const ext = /\.(png|jpe?g|gif|webp)$/i.exec(filePath)?.[1]?.toLowerCase() ?? 'jpg'
  const cloudPath = `${folder}/${newRequestId()}.${ext}`
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath })
      return res.fileID
    }
    // In H5 a chosen image is a blob: URL; the local cloud takes the raw bytes.
    const bytes = await (await fetch(filePath)).blob()
    const res = await fetch(cloudUrl('/dev/upload'), {
      method: 'POST',
      headers: { 'x-cloud-path': encodeURIComponent(cloudPath), ...(await devHeaders()) },
      body: bytes,
    })
    const body = (await res.json()) as { fileID?: unknown }
    if (!res.ok || typeof body.fileID !== 'string') throw networkError()
    return body.fileID
  } catch {
    throw networkError()
  }
}
