const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Matches the contract's `requestId` pattern; uniqueness per caller is all the server needs. */
export function newRequestId(): string {
  let id = Date.now().toString(36)
  while (id.length < 20) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)]
  return id
}
