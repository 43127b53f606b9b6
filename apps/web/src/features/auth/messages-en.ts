// English UI strings of features/auth: loaded only when English is chosen (lib/i18n.ts
// loadLang); the keys and comments are messages.ts's.
import type { authZh } from './messages.ts';

export const authEn: Record<keyof typeof authZh, string> = {
  'sessions.nav': 'Sessions',
  'password.title': 'Change password',
  'password.current': 'Current password',
  'password.currentRequired': 'Enter your current password',
  'password.new': 'New password',
  'password.rule': 'At least {min} characters, and not your username',
  'password.notUsername': 'The password must not be your username',
  'password.confirm': 'New password again',
  'password.confirmRequired': 'Enter the new password again',
  'password.mismatch': 'The two new passwords differ',
  'password.submit': 'Change password',
  'password.changed': 'Password changed; signed out on {count} other device(s)',
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
  'login.sessionEnded.draftSaved': 'Your session has expired; your draft is saved',
  'login.sessionEnded.draftSavedHint':
    'After signing in you return to the page you were on, with what you typed filled in again.',
  'login.sessionEnded.signInAgain': 'Your session has expired; please sign in again',
};
