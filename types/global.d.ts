/// <reference types="@tarojs/taro/types" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time: 'weapp' | 'h5'. */
    TARO_ENV: 'weapp' | 'h5'
    /** Set at H5 build time: where the local cloud's function endpoint is (same origin by default). */
    TARO_APP_CLOUD_URL?: string
  }
}
