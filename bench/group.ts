/** One measured figure: a row of the printed table and `<group>.<key>` in bench/results.json. */
export interface Figure {
  /** camelCase, unique within its group. */
  key: string
  value: number
  unit: string
  /** What it measures, in a few words. */
  what: string
}

/**
 * A set of figures measured together. Each lives in its own file in bench/groups/, named after
 * the group and exporting the group as default: adding a file is all it takes to add a group.
 */
export interface BenchGroup {
  name: string
  run(): Promise<Figure[]>
}
