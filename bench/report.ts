import { writeFileSync } from 'node:fs'

/** A figure under its full name, `<group>.<key>`. */
export interface Row {
  figure: string
  value: number
  unit: string
  what: string
}

function formatValue(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 })
}

/** One plain-text table: figure, value, unit, what it measures. */
export function formatTable(rows: readonly Row[]): string {
  const header = { figure: 'figure', value: 'value', unit: 'unit', what: 'what it measures' }
  const cells = rows.map((row) => ({ ...row, value: formatValue(row.value) }))
  const all = [header, ...cells]
  const width = (pick: (row: (typeof all)[number]) => string) =>
    Math.max(...all.map((row) => pick(row).length))
  const figureWidth = width((row) => row.figure)
  const valueWidth = width((row) => row.value)
  const unitWidth = width((row) => row.unit)
  const line = (row: (typeof all)[number]) =>
    [
      row.figure.padEnd(figureWidth),
      row.value.padStart(valueWidth),
      row.unit.padEnd(unitWidth),
      row.what,
    ].join('  ')
  const lines = cells.map(line)
  const rule = '-'.repeat(Math.max(...[line(header), ...lines].map((l) => l.length)))
  return [line(header), rule, ...lines].join('\n')
}

/** The figures as flat JSON, `{"<group>.<key>": value}`, for comparing runs by script. */
export function writeResults(path: string, rows: readonly Row[]): void {
  const flat = Object.fromEntries(rows.map((row) => [row.figure, row.value]))
  writeFileSync(path, `${JSON.stringify(flat, null, 2)}\n`)
}
