/**
 * What the SDK hands back is untyped JSON with dates revived; each collection module narrows it
 * to its record type here, in one place, rather than casting at every call site.
 */
export type Stored<T> = T & { _id: string }

export function asRecords<T>(data: unknown): Stored<T>[] {
  return Array.isArray(data) ? (data as Stored<T>[]) : []
}

/** `doc(id).get()` answers a list of zero or one. */
export function asRecord<T>(data: unknown): Stored<T> | null {
  return asRecords<T>(data)[0] ?? null
}

export interface WriteResult {
  updated?: number
  deleted?: number
}

export function updatedCount(result: unknown): number {
  return (result as WriteResult | undefined)?.updated ?? 0
}
