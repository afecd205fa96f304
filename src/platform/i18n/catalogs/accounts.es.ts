import type { accountsEn } from './accounts.en.js';

/** Staff accounts in Spanish: every key of accounts.en.ts. */
export const accountsEs: { readonly [K in keyof typeof accountsEn]: string } = {
  'account.forgot.link': '¿Olvidó su contraseña?',
  'account.forgot.title': 'Restablecer la contraseña',
  'account.forgot.lead':
    'Escriba el correo electrónico de su cuenta del personal. Le enviaremos un enlace para elegir una contraseña nueva. Sirve una sola vez, durante una hora.',
  'account.forgot.submit': 'Enviarme un enlace',
  'account.forgot.err.email': 'Escriba su correo electrónico, como nombre@ejemplo.com',
  'account.forgot.throttled': 'Demasiadas solicitudes desde esta dirección. Inténtelo de nuevo en un minuto.',
  'account.sent.title': 'Revise su correo',
  'account.sent.body':
    'Si una cuenta del personal usa {email}, va en camino un enlace para elegir una contraseña nueva. Sirve una sola vez, durante una hora. ¿No llegó nada? Revise la carpeta de correo no deseado o pida ayuda a un administrador.',
  'account.reset.title': 'Elija una contraseña nueva',
  'account.reset.lead': 'Para la cuenta del personal {email}.',
  'account.reset.submit': 'Guardar la contraseña nueva',
  'account.reset.invalidTitle': 'Este enlace no funciona',
  'account.reset.invalid':
    'El enlace ya se usó, venció (después de una hora) o fue reemplazado por uno más reciente. Pida un enlace nuevo.',
  'account.reset.doneTitle': 'Se cambió su contraseña',
  'account.reset.done': 'Entre con la contraseña nueva. Se cerraron todas las demás sesiones de su cuenta.',
  'account.password.label': 'Contraseña',
  'account.password.hint':
    'Al menos {min} caracteres. Unas cuantas palabras sin relación son fáciles de recordar.',
  'account.password.confirm': 'Contraseña otra vez',
  'account.password.err.short': 'La contraseña debe tener al menos {min} caracteres',
  'account.password.err.long': 'La contraseña debe tener como máximo 256 caracteres',
  'account.password.err.common': 'Esta contraseña es demasiado común; elija una frase más larga',
  'account.password.err.confirm': 'Las dos contraseñas no son iguales',
  'account.mail.subject': 'Elija una contraseña nueva para {network}',
  'account.mail.body':
    'Hola, {name}:\n\nAlguien (esperamos que usted) pidió restablecer la contraseña de su cuenta del personal. Elija una nueva aquí dentro de una hora:\n\n{link}\n\nSi no fue usted, no haga caso de este correo: su contraseña sigue igual.',
  'account.mail.adminBody':
    'Hola, {name}:\n\n{admin} inició el cambio de contraseña de su cuenta del personal. Elija una contraseña nueva aquí dentro de una hora:\n\n{link}\n\nSu contraseña anterior deja de funcionar en cuanto elija la nueva.',
  'account.admin.section': 'Contraseña e inicio de sesión en dos pasos',
  'account.admin.sendReset': 'Enviar un enlace para cambiar la contraseña',
  'account.admin.sendResetHint':
    'La persona elige una contraseña nueva desde el enlace; la anterior sigue funcionando hasta entonces.',
  'account.admin.resetMfa': 'Restablecer el inicio de sesión en dos pasos',
  'account.admin.resetMfaHint':
    'Para un teléfono perdido: su aplicación de autenticación y sus códigos de recuperación dejan de funcionar, se cierran sus sesiones y lo configura de nuevo al entrar la próxima vez.',
  'account.admin.resetSent': 'Se envió un enlace para cambiar la contraseña a {email}.',
  'account.admin.mfaReset':
    'Se restableció el inicio de sesión en dos pasos de {email}. Lo configura de nuevo al entrar la próxima vez.',
  'account.admin.mfaNone': 'Esta cuenta no tiene inicio de sesión en dos pasos que restablecer.',
  'account.reenrol.password': 'Su contraseña',
  'account.reenrol.passwordHint':
    'Configurar una aplicación de autenticación nueva reemplaza la que tiene, por eso primero le pedimos su contraseña.',
  'account.reenrol.err.password': 'La contraseña no es correcta',
};
