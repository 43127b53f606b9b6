// UI strings of sign-in extras and 我的登录会话 (features/auth).

export const authZh = {
  'sessions.nav': '登录会话',
  'sessions.title': '我的登录会话',
  'sessions.intro':
    '以下是您的账号当前保持登录的设备和浏览器。闲置 30 分钟或登录满 12 小时后会话自动结束。如发现不认识的设备，请退出该会话并联系管理员重置密码。',
  'sessions.signOutOthers': '退出其他设备',
  'sessions.signOutOthersConfirm': '退出除本设备以外的所有登录会话？',
  'sessions.signedOutOthers': '已退出 {count} 个其他会话',
  'sessions.end': '退出',
  'sessions.endConfirm': '退出这个会话？该设备需要重新登录。',
  'sessions.ended': '已退出该会话',
  'sessions.current': '当前设备',
  'sessions.device': '设备 / 浏览器',
  'sessions.unknownDevice': '未知设备',
  'sessions.ip': 'IP 地址',
  'sessions.createdAt': '登录时间',
  'sessions.lastSeenAt': '最近活动',
  'sessions.expiresAt': '到期时间',
  'sessions.none': '没有其他登录会话',
  'sessions.confirm': '确定',
  'sessions.cancel': '取消',
} satisfies Record<string, string>;

export const authEn: Record<keyof typeof authZh, string> = {
  'sessions.nav': 'Sessions',
  'sessions.title': 'My sign-in sessions',
  'sessions.intro':
    'The devices and browsers where your account is signed in. A session ends after 30 idle minutes or 12 hours after sign-in. If you do not recognise a device, end its session and ask an administrator to reset your password.',
  'sessions.signOutOthers': 'Sign out other devices',
  'sessions.signOutOthersConfirm': 'Sign out every session except this device?',
  'sessions.signedOutOthers': 'Signed out {count} other sessions',
  'sessions.end': 'Sign out',
  'sessions.endConfirm': 'Sign out this session? That device will have to sign in again.',
  'sessions.ended': 'Session signed out',
  'sessions.current': 'This device',
  'sessions.device': 'Device / browser',
  'sessions.unknownDevice': 'Unknown device',
  'sessions.ip': 'IP address',
  'sessions.createdAt': 'Signed in',
  'sessions.lastSeenAt': 'Last active',
  'sessions.expiresAt': 'Ends',
  'sessions.none': 'No other sessions',
  'sessions.confirm': 'OK',
  'sessions.cancel': 'Cancel',
};
