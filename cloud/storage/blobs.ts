import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'

/** Where stored files' bytes live: a folder in the data folder, or memory for --memory. */
export interface Blobs {
  put(key: string, bytes: Buffer): void
  get(key: string): Buffer | undefined
  delete(key: string): boolean
}

export class MemoryBlobs implements Blobs {
  private readonly files = new Map<string, Buffer>()
  put(key: string, bytes: Buffer): void {
    this.files.set(key, Buffer.from(bytes))
  }
  get(key: string): Buffer | undefined {
    return this.files.get(key)
  }
  delete(key: string): boolean {
    return this.files.delete(key)
  }
}

export class DiskBlobs implements Blobs {
  private readonly root: string

  constructor(dir: string) {
    this.root = resolve(dir)
    mkdirSync(this.root, { recursive: true })
  }

  put(key: string, bytes: Buffer): void {
    const file = this.file(key)
    mkdirSync(dirname(file), { recursive: true })
    // Renamed into place, so a reader never sees half a file and a crash never leaves one.
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, bytes)
    renameSync(temp, file)
  }

  get(key: string): Buffer | undefined {
    const file = this.file(key)
    return existsSync(file) ? readFileSync(file) : undefined
  }

  delete(key: string): boolean {
    const file = this.file(key)
    if (!existsSync(file)) return false
    rmSync(file)
    return true
  }

  private file(key: string): string {
    const file = resolve(join(this.root, key))
    if (!file.startsWith(this.root + sep)) throw new Error(`invalid storage key ${key}`)
    return file
  }
}
