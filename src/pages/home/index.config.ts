export default definePageConfig({
  navigationBarTitleText: '浙工服务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
