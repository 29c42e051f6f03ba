import { ApiError } from '../contract/errors'
import { decodeCsv, parseCsv } from '../domain/csv'
import { app } from './db'

const unreadable = (detail: string) =>
  new ApiError('IMPORT_FILE_INVALID', undefined, { fileId: detail })

/** Downloads the registry file from cloud storage and reads it as a table of text cells. */
export async function readRegistryFile(fileId: string): Promise<string[][]> {
  let bytes: Buffer
  try {
    const res = await app().downloadFile({ fileID: fileId })
    const content = res.fileContent
    if (!content) throw new Error('empty')
    bytes = typeof content === 'string' ? Buffer.from(content) : content
  } catch {
    throw unreadable('文件不存在或无法下载')
  }
  // An XLSX file is a ZIP archive: it starts with "PK".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // Imported here, not at the top: the workbook reader is heavy and only registry import needs
    // it, so a cold start of the api function does not pay for it. Outside the try: a reader
    // that fails to load is our fault, not the file's.
    const { readSheet } = await import('read-excel-file/node')
    try {
      const rows = await readSheet(bytes)
      return rows.map((cells) => cells.map((cell) => cellText(cell)))
    } catch {
      throw unreadable('无法读取 Excel 文件')
    }
  }
  try {
    return parseCsv(decodeCsv(bytes))
  } catch {
    throw unreadable('无法读取 CSV 文件')
  }
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return cell.toISOString().slice(0, 10)
  return String(cell)
}
