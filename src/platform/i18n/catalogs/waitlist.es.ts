import type { waitlistEn } from './waitlist.en.js';

/** The waiting list in Spanish: every key of waitlist.en.ts. */
export const waitlistEs: { readonly [K in keyof typeof waitlistEn]: string } = {
  'waitlist.link': '¿No encuentra nada adecuado? Anótese en la lista de espera',
  'waitlist.title': 'Anotarse en la lista de espera',
  'waitlist.lead':
    'Si se libera un horario en las fechas que elija, le enviaremos una oferta por correo. La primera persona de la lista se entera primero. Le guardamos el horario ofrecido durante {hours} horas; después pasa a la siguiente persona.',
  'waitlist.from': 'Fecha más temprana',
  'waitlist.to': 'Fecha más tardía',
  'waitlist.dateHint': 'Por ejemplo, {example}.',
  'waitlist.error.from': 'La fecha más temprana debe ser hoy o después',
  'waitlist.error.to': 'Escriba una fecha más tardía igual o posterior a la más temprana, dentro de 90 días',
  'waitlist.error.fromMissing': 'Escriba la fecha más temprana: día, mes y año',
  'waitlist.error.toMissing': 'Escriba la fecha más tardía: día, mes y año',
  'waitlist.error.impossible': 'Esa fecha no existe: revise el día, el mes y el año',
  'waitlist.field.email.hint':
    'Aquí le enviamos la oferta de un horario libre, con un enlace para tomarlo o salir de la lista.',
  'waitlist.error.location': 'Elija una clínica',
  'waitlist.submit': 'Anotarme en la lista de espera',
  'waitlist.joined.title': 'Está en la lista de espera',
  'waitlist.joined.body': 'Le escribiremos a {email} si se libera un horario entre el {from} y el {to}.',
  'waitlist.status.title': 'Su lugar en la lista de espera',
  'waitlist.status.waiting': 'Esperando un horario libre.',
  'waitlist.status.offered': 'Le ofrecimos un horario. Revise su correo.',
  'waitlist.status.booked': 'Reservó un horario ofrecido.',
  'waitlist.status.expired':
    'Una oferta venció y su lugar pasó a la siguiente persona. Puede anotarse de nuevo.',
  'waitlist.status.left': 'Salió de la lista de espera.',
  'waitlist.leave': 'Salir de la lista de espera',
  'waitlist.offer.title': 'Hay un horario libre para usted',
  'waitlist.offer.body':
    'Le guardamos este horario hasta el {expires}. Después pasa a la siguiente persona de la lista.',
  'waitlist.offer.book': 'Reservar este horario',
  'waitlist.offer.gone': 'Esta oferta venció o alguien tomó el horario. Puede elegir otro horario.',
};
