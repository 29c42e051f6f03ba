import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTIONS } from '../../scripts/build-functions'
import { builtFunctions } from './api-cloud'

interface Manifest {
  main: string
  dependencies: Record<string, string>
}

describe('deployable function folders', () => {
  it.each(FUNCTIONS)(
    '%s: one CommonJS file with main(), package.json, config.json',
    async (name) => {
      const dir = join(await builtFunctions(), name)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
      expect(manifest.main).toBe('index.js')
      // Everything is bundled: the cloud installs nothing.
      expect(manifest.dependencies).toEqual({})
      const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
        triggers: Array<{ type: string; config: string }>
        envVariables?: Record<string, string>
      }
      // Keys and admins are set in the production console; no dev value may ship with the code.
      expect(Object.keys(config.envVariables ?? {})).toEqual([])
      if (name === 'scheduler') {
        expect(config.triggers).toEqual([
          expect.objectContaining({ type: 'timer', config: '0 * * * * * *' }),
        ])
      } else {
        expect(config.triggers).toEqual([])
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(join(dir, 'index.js')) as { main?: unknown }
      expect(typeof loaded.main).toBe('function')
    },
  )
})
