// jsdom arrives with Taro's webpack runner, without its types; the harness needs only a window.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string)
    readonly window: Window & typeof globalThis
  }
}
