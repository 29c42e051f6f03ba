// NutUI is taken one component at a time (module plus its compiled CSS) so the weapp main
// package carries only what the app uses, not the whole library.
import Button from '@nutui/nutui-react-taro/dist/es/packages/button'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import Tag from '@nutui/nutui-react-taro/dist/es/packages/tag'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import Loading from '@nutui/nutui-react-taro/dist/es/packages/loading'
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css'

export { Button, Tag, Loading }
