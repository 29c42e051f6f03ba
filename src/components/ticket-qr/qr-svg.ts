import qrcode from 'qrcode-generator'

/** White modules around the code: the QR standard asks for 4 so scanners find its edges. */
const QUIET_ZONE = 4

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/**
 * Base64 of ASCII text. WeChat's JavaScript has no `btoa`, and the SVG below is plain ASCII
 * (the ticket code only ever appears as modules, never as text), so a byte per char is exact.
 */
function base64Ascii(text: string): string {
  let out = ''
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i)
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN
    const bits = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += BASE64[(bits >> 18) & 63] + BASE64[(bits >> 12) & 63]
    out += Number.isNaN(b) ? '=' : BASE64[(bits >> 6) & 63]
    out += Number.isNaN(c) ? '=' : BASE64[bits & 63]
  }
  return out
}

/**
 * The QR code of `text` as SVG: one path of horizontal runs of dark modules on a white square,
 * drawn at one unit per module so it stays sharp at any size (crispEdges: no blurred borders
 * for a camera to misread). Error correction M: a phone screen's glare or a crack still scans.
 */
export function qrSvg(text: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const count = qr.getModuleCount()
  const size = count + QUIET_ZONE * 2
  let path = ''
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count;) {
      if (!qr.isDark(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < count && qr.isDark(row, col)) col++
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h-${col - start}z`
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
}

/** `qrSvg` as a data URI an <Image> can show on weapp and H5 alike. */
export function qrDataUri(text: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(qrSvg(text))}`
}
