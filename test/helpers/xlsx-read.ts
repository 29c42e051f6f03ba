import { strFromU8, unzipSync } from 'fflate'

export type ReadCell = string | number | null

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** A1 → 0, AA7 → 26. */
function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A'
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1
}

/**
 * Reads a sheet of a workbook back into rows, straight from its XML: the sheets' names from
 * xl/workbook.xml, cells as inline strings or numbers (what the server's writer makes; a
 * shared-string cell fails the test rather than reading wrong). Gaps come back as null.
 */
export function readSheetXml(bytes: Uint8Array, sheetName: string): ReadCell[][] {
  const files = unzipSync(bytes)
  const workbook = strFromU8(files['xl/workbook.xml'])
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1]))
  const index = names.indexOf(sheetName)
  if (index < 0) throw new Error(`no sheet ${sheetName} in ${names.join(', ')}`)
  const xml = strFromU8(files[`xl/worksheets/sheet${index + 1}.xml`])
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((row) => {
    const cells: ReadCell[] = []
    for (const cell of row[1].matchAll(/<c r="([A-Z]+)\d+"([^>]*)>(.*?)<\/c>/g)) {
      const [, ref, attrs, body] = cell
      if (/t="s"/.test(attrs)) throw new Error('shared strings are not expected')
      const text = /<t[^>]*>(.*?)<\/t>/.exec(body)?.[1]
      const value = /<v>(.*?)<\/v>/.exec(body)?.[1]
      const at = columnIndex(ref)
      while (cells.length < at) cells.push(null)
      cells[at] = text !== undefined ? unescape(text) : value !== undefined ? Number(value) : null
    }
    return cells
  })
}
