type Callbacks = { success?: (res: object) => void; complete?: (res: object) => void }

/** A wx API that succeeds at once, calling back as WeChat does so Taro's promise resolves. */
export function succeeding(name: string, result: object = {}) {
  return jest.fn((options: Callbacks = {}) => {
    const res = { errMsg: `${name}:ok`, ...result }
    options.success?.(res)
    options.complete?.(res)
  })
}

/** The device facts Taro's runtime asks for at start-up. */
export const systemInfo = () => ({
  platform: 'devtools',
  windowWidth: 375,
  windowHeight: 812,
  screenWidth: 375,
  pixelRatio: 2,
  SDKVersion: '3.4.0',
  language: 'zh_CN',
})
