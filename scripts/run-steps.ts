import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** One step of a test run: a command whose failure stops the run. */
export interface Step {
  title: string
  command: string
  args: string[]
  env?: Record<string, string>
}

export interface JestCounts {
  passed: number
  failed: number
  skipped: number
}

const CACHE = '.cache'

export function runSteps(steps: Step[]): void {
  for (const step of steps) {
    const started = Date.now()
    console.log(`\n▶ ${step.title}`)
    const result = spawnSync(step.command, step.args, {
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    })
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (result.status !== 0) {
      console.error(`✖ ${step.title} failed (${seconds}s)`)
      process.exit(result.status ?? 1)
    }
    console.log(`✔ ${step.title} (${seconds}s)`)
  }
}

/**
 * Runs jest with a JSON report, then prints the closing line CI reads ("N passed, N failed")
 * and exits with jest's status.
 */
export function runJest(label: string, name: string, extraArgs: string[] = []): never {
  mkdirSync(CACHE, { recursive: true })
  console.log(`\n▶ ${label}`)
  const result = spawnSync(
    'node_modules/.bin/jest',
    ['--json', `--outputFile=${join(CACHE, `jest-${name}.json`)}`, ...extraArgs],
    { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
  )
  let counts: JestCounts | null = null
  try {
    counts = jestCounts(name)
  } catch {
    console.error('jest 没有生成报告 (no report)')
  }
  if (counts) printCounts('tests', counts)
  process.exit(result.status === 0 && counts && counts.passed > 0 ? 0 : result.status || 1)
}

function jestCounts(name: string): JestCounts {
  const report = JSON.parse(readFileSync(join(CACHE, `jest-${name}.json`), 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
    numPendingTests: number
    numTodoTests: number
  }
  const counts = {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  }
  writeFileSync(join(CACHE, `counts-${name}.json`), JSON.stringify(counts))
  return counts
}

function printCounts(label: string, c: JestCounts): void {
  console.log(`\n${label}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`)
}
