export default defineAppConfig({
  pages: ['pages/home/index', 'pages/activities/index', 'pages/venues/index', 'pages/me/index'],
  subPackages: [
    { root: 'notice', pages: ['detail/index'] },
    { root: 'member', pages: ['verify/index'] },
    { root: 'activity', pages: ['detail/index', 'entries/index', 'draw/index'] },
    {
      root: 'admin',
      pages: [
        'hub/index',
        'notices/index',
        'edit/index',
        'registry/index',
        'import/index',
        'roles/index',
        'audit/index',
        'activities/index',
        'activity-edit/index',
        'on-behalf/index',
      ],
    },
  ],
  window: {
    navigationBarBackgroundColor: '#C8161D',
    navigationBarTitleText: '浙工服务',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F6F6',
    backgroundTextStyle: 'light',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#C8161D',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/activities/index',
        text: '活动',
        iconPath: 'assets/tab/activities.png',
        selectedIconPath: 'assets/tab/activities-active.png',
      },
      {
        pagePath: 'pages/venues/index',
        text: '场馆',
        iconPath: 'assets/tab/venues.png',
        selectedIconPath: 'assets/tab/venues-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
