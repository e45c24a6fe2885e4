/** The texts of the sign-in and password screens, Vietnamese first, English with every key (the type checks it). */
import { featureTexts } from '../../app/i18n.tsx';

const vi = {
  'login.title': 'Đăng nhập',
  'login.intro': 'Dành cho cán bộ, Hội đồng, Tổ tư vấn và chủ thể OCOP.',
  'login.username': 'Tên đăng nhập',
  'login.password': 'Mật khẩu',
  'login.submit': 'Đăng nhập',
  'login.submitting': 'Đang đăng nhập…',
  'login.publicTitle': 'Tra cứu không cần đăng nhập',
  'password.title': 'Đổi mật khẩu',
  'password.mustChange': 'Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới trước khi tiếp tục.',
  'password.current': 'Mật khẩu hiện tại',
  'password.new': 'Mật khẩu mới',
  'password.rules': 'Ít nhất 10 ký tự. Nên dùng một câu dễ nhớ.',
  'password.confirm': 'Nhập lại mật khẩu mới',
  'password.mismatch': 'Hai mật khẩu mới không giống nhau.',
  'password.submit': 'Đổi mật khẩu',
};

const en: Record<keyof typeof vi, string> = {
  'login.title': 'Sign in',
  'login.intro': 'For officers, councils, advisory teams and OCOP producers.',
  'login.username': 'Username',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.publicTitle': 'Look up without signing in',
  'password.title': 'Change password',
  'password.mustChange': 'You are using a temporary password. Choose a new one before you continue.',
  'password.current': 'Current password',
  'password.new': 'New password',
  'password.rules': 'At least 10 characters. A memorable sentence works well.',
  'password.confirm': 'Repeat the new password',
  'password.mismatch': 'The two new passwords differ.',
  'password.submit': 'Change password',
};

/** The feature's texts, and the shell's shared ones (common, roles, navigation). */
export const useAuthText = featureTexts(vi, en);
export type AuthText = ReturnType<typeof useAuthText>;
