/**
 * Where a server's per-field messages go. INVALID_INPUT names each field by its path in the
 * request (`sessions.1.startAt`, `companions.0.age`); a form shows a message next to the
 * input it names, and anything it has no place for above the form, so no message is lost.
 */
export type FieldErrors = Record<string, string>

/** The path is the prefix itself or lies under it (`party.family` holds `party.family.childMaxAge`). */
export function isUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`)
}

/** The messages for one place on a form: its own path and every path under it. */
export function messagesUnder(errors: FieldErrors, prefix: string): string[] {
  return Object.keys(errors)
    .filter((path) => isUnder(path, prefix))
    .map((path) => errors[path])
}

/** The message for exactly this path (a list's own message, not its rows'). */
export function messageAt(errors: FieldErrors, path: string): string[] {
  return path in errors ? [errors[path]] : []
}

/** The messages under none of the places a form shows. */
export function unplacedMessages(errors: FieldErrors, placed: readonly string[]): string[] {
  return Object.keys(errors)
    .filter((path) => !placed.some((prefix) => isUnder(path, prefix)))
    .map((path) => errors[path])
}
