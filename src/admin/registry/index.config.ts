export default definePageConfig({
  navigationBarTitleText: '会员库',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'light',
})
