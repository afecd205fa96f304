import type { messagesEn } from './messages.en.js';

/** What is sent to patients, in Spanish: every key of messages.en.ts. */
export const messagesEs: { readonly [K in keyof typeof messagesEn]: string } = {
  'mail.checkin.subject': 'Es hora de contarnos cómo sigue: {network}',
  'mail.checkin.body':
    'Hola. Nos pidió que le recordáramos contarnos cómo sigue unos días después de su autoevaluación. Díganos cómo está en su enlace privado: {link}\n\nEn una emergencia, llame al 911.',
  'mail.waitlist.subject': 'Hay un horario libre: {network}',
  'mail.waitlist.body':
    'Hola, {name}. Se liberó un horario que esperaba: {when} en {clinic}. Se lo guardamos hasta el {expires}. Para reservarlo, use este enlace: {link}\n\nEn una emergencia, llame al 911.',
  'mail.appointment.confirmation.subject': 'Su cita está reservada: {when}',
  'mail.appointment.confirmation.body':
    'Hola, {name}. Su cita con {provider} está reservada para el {when} ({zone}) en {clinic}, {address}. Para cambiarla o cancelarla, use su enlace privado: {link}',
  'mail.appointment.rescheduled.subject': 'Su cita cambió: {when}',
  'mail.appointment.rescheduled.body':
    'Hola, {name}. Su cita cambió: ahora es con {provider} el {when} ({zone}) en {clinic}, {address}. Para cambiarla o cancelarla, use su enlace privado: {link}',
  'mail.appointment.cancelled.subject': 'Su cita fue cancelada',
  'mail.appointment.cancelled.body':
    'Hola, {name}. Su cita del {when} en {clinic} fue cancelada. Puede pedir una nueva cita cuando quiera: {bookLink}',
  'mail.appointment.reminder.subject': 'Recordatorio: su cita del {when}',
  'mail.appointment.reminder.body':
    'Hola, {name}. Le recordamos su cita con {provider} el {when} ({zone}) en {clinic}, {address}. Para cambiarla o cancelarla, use su enlace privado: {link}',
  'mail.footer': 'En una emergencia, llame al 911. No responda a este correo; llame a su clínica al {phone}.',
  'mail.calendarTitle': 'Cita en {clinic}',
  'sms.reminder':
    '{network}: recordatorio de su cita del {when} en {clinic}. Cambiar o cancelar: {link} Responda STOP para no recibir más mensajes.',
  'sms.confirmation':
    '{network}: su cita está reservada para el {when} ({zone}) en {clinic}, {address}. Cambiar o cancelar: {link}',
  'sms.rescheduled':
    '{network}: su cita cambió al {when} ({zone}) con {provider} en {clinic}, {address}. Cambiar o cancelar: {link}',
  'sms.cancelled': '{network}: su cita del {when} en {clinic} fue cancelada. Para pedir otra: {bookLink}',
  'sms.waitlistOffer':
    '{network}: hay un horario libre, el {when} en {clinic}. Se lo guardamos hasta el {expires}: {link}',
};
