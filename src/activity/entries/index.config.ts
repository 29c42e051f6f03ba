export default definePageConfig({
  navigationBarTitleText: '我的报名',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
