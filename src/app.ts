import { type PropsWithChildren } from 'react'
import Taro, { useLaunch } from '@tarojs/taro'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Taro.cloud exists only in the WeChat build; H5 talks to the local cloud instead.
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ traceUser: true })
    }
  })
  return children
}

export default App
