export default definePageConfig({
  navigationBarTitleText: '报名状态',
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
