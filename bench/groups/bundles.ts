import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctionsWithSizes } from '../../scripts/build-functions'
import type { BenchGroup, Figure } from '../group'
import { median, round } from '../stats'

const RUNS = 9
const WARM_UPS = 1

/** The child's environment: ours without NODE_OPTIONS, which would load more than Node itself. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  return env
}

/** Wall time of a fresh `node -e <code>`, start to exit: what a cold start pays before main(). */
function timeNode(code: string, env: NodeJS.ProcessEnv): number {
  const started = performance.now()
  const res = spawnSync(process.execPath, ['-e', code], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  })
  const ms = performance.now() - started
  if (res.status !== 0) throw new Error(`node -e ${code} failed (${res.status}): ${res.stderr}`)
  return ms
}

/**
 * Each function bundle, built fresh: its size and the time a fresh Node process takes to load
 * it (the cold start a member's first tap after an idle spell pays), against an empty Node
 * process timed in the same rounds so machine noise hits both alike.
 */
const bundles: BenchGroup = {
  name: 'bundles',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'zhegong-bench-functions-'))
    try {
      const built = await buildFunctionsWithSizes(dir)
      const subjects = [
        { key: 'nodeBaseline', code: '0' },
        ...built.map((b) => ({
          key: b.name,
          code: `require(${JSON.stringify(join(dir, b.name, 'index.js'))})`,
        })),
      ]
      const times = new Map<string, number[]>(subjects.map((s) => [s.key, []]))
      const env = childEnv()
      for (let round = 0; round < WARM_UPS + RUNS; round += 1) {
        // A different subject goes first each round: no subject always runs after the same one.
        for (let i = 0; i < subjects.length; i += 1) {
          const subject = subjects[(round + i) % subjects.length]
          const ms = timeNode(subject.code, env)
          if (round >= WARM_UPS) times.get(subject.key)?.push(ms)
        }
      }
      const medianOf = (key: string) => median(times.get(key) ?? [])
      const baseline = medianOf('nodeBaseline')
      const figures: Figure[] = [
        {
          key: 'nodeBaselineMs',
          value: round(baseline, 1),
          unit: 'ms',
          what: `an empty Node process (node -e 0), median of ${RUNS}`,
        },
      ]
      for (const { name, bytes } of built) {
        const load = medianOf(name)
        figures.push(
          {
            key: `${name}Bytes`,
            value: bytes,
            unit: 'B',
            what: `the ${name} function's bundle (index.js)`,
          },
          {
            key: `${name}LoadMs`,
            value: round(load, 1),
            unit: 'ms',
            what: `a fresh Node process that loads the ${name} bundle (cold-start proxy), median of ${RUNS}`,
          },
          {
            key: `${name}LoadRatio`,
            value: round(load / baseline, 2),
            unit: '×',
            what: `${name}LoadMs over nodeBaselineMs`,
          },
        )
      }
      return figures
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default bundles
