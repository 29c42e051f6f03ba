import { benchDatabase, type Figure } from './database'

// Figures only, never assertions: `npm run bench`.
const suites: Array<[string, () => Promise<Figure[]>]> = [['local cloud database', benchDatabase]]

async function main(): Promise<void> {
  process.env.TENCENTCLOUD = 'true'
  for (const [title, run] of suites) {
    console.log(`\n## ${title}`)
    for (const f of await run()) console.log(`${f.name.padEnd(80)} ${f.value}`)
  }
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
