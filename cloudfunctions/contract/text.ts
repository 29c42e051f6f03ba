import type { z } from 'zod'

/**
 * Text a member or staff member types and others read back (titles, names, reasons, search and
 * filter words). Control characters, lone surrogates and the bidi override/isolate marks never
 * get in: overrides spoof names in lists (U+202E shows "abc" as "cba"), control characters break
 * CSV/XLSX exports, and a lone surrogate has no UTF-8 form at all. Everything people write stays:
 * CJK, emoji, the ordinary direction marks (U+200E/U+200F/U+061C) Arabic and Hebrew text needs.
 */
export type TextKind = 'line' | 'multiline'

/**
 * The JSON Schema keyword that marks a plain-text field in `npm run api:schema`, so a client (or
 * the fuzz) can tell text from ids without reading this file.
 */
export const PLAIN_TEXT_KEY = 'x-plain-text'

// One class per kind; `u` makes [\uD800-\uDFFF] match only surrogates that are not part of a
// pair (an emoji is one code point under `u`). C0 = U+0000–U+001F, DEL = U+007F, C1 = U+0080–
// U+009F, bidi embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069.
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNSAFE: Record<TextKind, RegExp> = {
  line: /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u,
  // A body keeps its line breaks and tabs; CR is refused (a textarea breaks lines with \n).
  multiline: /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/u,
}
/* eslint-enable no-control-regex */

/** Whether text is free of what `plainText` refuses. */
export function isPlainText(text: string, kind: TextKind = 'line'): boolean {
  return !UNSAFE[kind].test(text)
}

/**
 * The one refinement every free-text field of the contract carries: refuses control characters
 * (but \n and \t in a multi-line body), lone surrogates and bidi overrides/isolates, with a
 * Chinese message naming the field.
 */
export function plainText<T extends z.ZodString>(
  schema: T,
  label: string,
  kind: TextKind = 'line',
): T {
  const message =
    kind === 'line'
      ? `${label}不能包含换行、控制字符或不可见的排版字符`
      : `${label}不能包含控制字符或不可见的排版字符`
  return schema.refine((text) => isPlainText(text, kind), message).meta({ [PLAIN_TEXT_KEY]: kind })
}
