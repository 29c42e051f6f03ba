import localEnv from './local-env.json'

type LocalEnv = Record<string, Record<string, string> | string>

/**
 * The dev-only environment of one function (admins, keys): what production configures in the
 * CloudBase console, kept out of the config.json that is deployed.
 */
export function localEnvOf(name: string): Record<string, string> {
  const vars = (localEnv as LocalEnv)[name]
  return typeof vars === 'object' ? vars : {}
}
