import fileTable from '../config/templates.json'
import { parseTemplateTable, type TemplateTable } from '../domain/subscribe'

let loaded: TemplateTable | undefined

/**
 * The template table: the function's SUBSCRIBE_TEMPLATES (the whole table as JSON, set in the
 * console when the account's ids differ from the repo's) or else cloudfunctions/config/
 * templates.json, bundled into the function. Checked once per instance.
 */
export function templateTable(): TemplateTable {
  const fromEnv = process.env.SUBSCRIBE_TEMPLATES
  loaded ??= parseTemplateTable(fromEnv ? (JSON.parse(fromEnv) as unknown) : fileTable)
  return loaded
}
