/** Staff accounts: a forgotten password, an administrator's resets, re-enrolling two-step sign-in. */
export const accountsEn = {
  'account.forgot.link': 'Forgot your password?',
  'account.forgot.title': 'Reset your password',
  'account.forgot.lead':
    'Enter the email address of your staff account. We will email you a link to choose a new password. It works once, for one hour.',
  'account.forgot.submit': 'Email me a link',
  'account.forgot.err.email': 'Enter your email address, like name@example.com',
  'account.forgot.throttled': 'Too many requests from this address. Try again in a minute.',
  'account.sent.title': 'Check your email',
  'account.sent.body':
    'If a staff account uses {email}, a link to choose a new password is on its way. It works once, for one hour. Nothing arrived? Check the spam folder, or ask an administrator.',
  'account.reset.title': 'Choose a new password',
  'account.reset.lead': 'For the staff account {email}.',
  'account.reset.submit': 'Save the new password',
  'account.reset.invalidTitle': 'This link does not work',
  'account.reset.invalid':
    'The link was already used, has expired (after one hour), or was replaced by a newer one. Ask for a new link.',
  'account.reset.doneTitle': 'Your password is changed',
  'account.reset.done':
    'Sign in with the new password. Every other session of your account has been signed out.',
  'account.password.label': 'Password',
  'account.password.hint': 'At least {min} characters. A few unrelated words are easy to remember.',
  'account.password.confirm': 'Password again',
  'account.password.err.short': 'The password must be at least {min} characters',
  'account.password.err.long': 'The password must be at most 256 characters',
  'account.password.err.common': 'This password is too common; choose a longer phrase',
  'account.password.err.confirm': 'The two passwords are not the same',
  'account.mail.subject': 'Choose a new password for {network}',
  'account.mail.body':
    'Hello {name},\n\nSomeone (we hope you) asked to reset the password of your staff account. Choose a new one here within one hour:\n\n{link}\n\nIf it was not you, ignore this email: your password stays as it is.',
  'account.mail.adminBody':
    'Hello {name},\n\n{admin} started a password reset for your staff account. Choose a new password here within one hour:\n\n{link}\n\nYour old password no longer works once you choose a new one.',
  'account.admin.section': 'Password and two-step sign-in',
  'account.admin.sendReset': 'Email a password reset link',
  'account.admin.sendResetHint': 'They choose a new password from the link; the old one works until then.',
  'account.admin.resetMfa': 'Reset two-step sign-in',
  'account.admin.resetMfaHint':
    'For a lost phone: their authenticator app and recovery codes stop working, they are signed out, and they set it up again at their next sign-in.',
  'account.admin.resetSent': 'A password reset link was emailed to {email}.',
  'account.admin.mfaReset':
    'Two-step sign-in was reset for {email}. They set it up again at their next sign-in.',
  'account.admin.mfaNone': 'This account has no two-step sign-in to reset.',
  'account.reenrol.password': 'Your password',
  'account.reenrol.passwordHint':
    'Setting up a new authenticator replaces the one you have, so we ask for your password first.',
  'account.reenrol.err.password': 'The password is not right',
} as const;
