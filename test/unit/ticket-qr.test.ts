import { qrDataUri, qrSvg } from '../../src/components/ticket-qr/qr-svg'
import { decodeSvgQr, svgOfDataUri } from '../helpers/qr-read'

const CODE = 'Te0123456789abcdef01234567.0123456789abcdef0123'

describe('the ticket QR', () => {
  it('decodes back to the very ticket code', () => {
    expect(decodeSvgQr(qrSvg(CODE))).toBe(CODE)
    expect(decodeSvgQr(svgOfDataUri(qrDataUri(CODE)))).toBe(CODE)
  })

  it('keeps a quiet zone of four modules on every side', () => {
    const svg = qrSvg(CODE)
    const modules = Number(/viewBox="0 0 (\d+) /.exec(svg)?.[1])
    const runs = [...svg.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1, 4).map(Number))
    expect(Math.min(...runs.map(([x]) => x))).toBe(4)
    expect(Math.min(...runs.map(([, y]) => y))).toBe(4)
    expect(Math.max(...runs.map(([x, , w]) => x + w))).toBe(modules - 4)
    expect(Math.max(...runs.map(([, y]) => y + 1))).toBe(modules - 4)
  })

  it('is a base64 SVG data URI, encoded without btoa exactly as Node encodes it', () => {
    for (const code of [CODE, 'Ta.0', 'Tab.0', 'Tabc.0']) {
      const uri = qrDataUri(code)
      expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true)
      expect(uri.slice(26)).toBe(Buffer.from(qrSvg(code), 'ascii').toString('base64'))
    }
  })
})
