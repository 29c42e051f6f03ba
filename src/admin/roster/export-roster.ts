import Taro from '@tarojs/taro'
import type { RosterExport } from '@contract'

/**
 * Opens an exported roster where the device can: WeChat downloads it and opens it in its
 * document viewer (whose menu saves or forwards it); a browser opens the link.
 */
export async function openExport(file: RosterExport): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') {
    window.open(file.url, '_blank')
    return
  }
  const downloaded = await Taro.downloadFile({ url: file.url })
  if (downloaded.statusCode !== 200) throw new Error(`download answered ${downloaded.statusCode}`)
  await Taro.openDocument({
    filePath: downloaded.tempFilePath,
    fileType: 'xlsx',
    showMenu: true,
  })
}
