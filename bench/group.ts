/** One measured figure: a row of the printed table and `<group>.<key>` in bench/results.json. */
export interface Figure {
  /** camelCase, unique within its group. */
  key: string
  value: number
  unit: string
  /** What it measures, in a few words. */
  what: string
  /**
   * The full name, when the figure is a baseline the group measures in the same run but other
   * tools read under its own name (`naive.oversold` beside `rush.*`); `<group>.<key>` otherwise.
   */
  name?: string
}

/**
 * A set of figures measured together. Each lives in its own file in bench/groups/, named after
 * the group and exporting the group as default: adding a file is all it takes to add a group.
 */
export interface BenchGroup {
  name: string
  run(): Promise<Figure[]>
}
