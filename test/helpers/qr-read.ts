import jsQR from 'jsqr'

/**
 * Reads back a QR drawn as the ticket QR draws it (components/ticket-qr: one SVG path of
 * horizontal runs `M<x> <y>h<w>v1h-<w>z`, a unit per module): the modules are painted as
 * pixels, `scale` per module, and handed to a real QR decoder, as a door scanner's camera
 * would see the member's screen. Answers the text, or null when nothing decodes.
 */
export function decodeSvgQr(svg: string, scale = 6): string | null {
  const modules = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1])
  if (!modules) return null
  const size = modules * scale
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  const path = /<path d="([^"]*)"/.exec(svg)?.[1] ?? ''
  for (const run of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(run[1]), Number(run[2]), Number(run[3])]
    for (let py = y * scale; py < (y + 1) * scale; py++) {
      for (let px = x * scale; px < (x + w) * scale; px++) {
        const at = (py * size + px) * 4
        data[at] = data[at + 1] = data[at + 2] = 0
      }
    }
  }
  return jsQR(data, size, size)?.data ?? null
}

/** The SVG inside a `data:image/svg+xml;base64,` URI. */
export function svgOfDataUri(uri: string): string {
  const [head, body = ''] = uri.split(',')
  if (head !== 'data:image/svg+xml;base64') throw new Error(`not a base64 SVG data URI: ${head}`)
  return Buffer.from(body, 'base64').toString('ascii')
}
