import type { waitlistClosedEn } from './waitlist-closed.en.js';

/** Una entrada de la lista de espera cerrada porque se retiró su clínica, profesional o tipo de consulta. */
export const waitlistClosedEs: { readonly [K in keyof typeof waitlistClosedEn]: string } = {
  'waitlist.status.closed':
    'Ya no está en esta lista de espera porque lo que esperaba ya no se ofrece. Puede reservar otra hora o volver a apuntarse en la lista de espera, o llamarnos.',
  'waitlist.closed.location': '{clinic} ya no da citas',
  'waitlist.closed.provider': '{provider} ya no atiende pacientes con nosotros',
  'waitlist.closed.visit-type': 'ya no ofrecemos este tipo de consulta',
  'mail.waitlistClosed.subject': 'Ya no está en la lista de espera: {network}',
  'mail.waitlistClosed.body':
    'Hola, {name}. Ya no está en la lista de espera para {visit} en {clinic} (del {from} al {to}), porque {reason}. No le enviaremos ofertas para esa consulta. Para reservar otra hora, o para volver a apuntarse en la lista de espera, vaya a {link}. {call}\n\nEn una emergencia, llame al 911.',
  'mail.waitlistClosed.call': 'O llame a {clinic} al {phone}.',
  'mail.waitlistClosed.callClinics': 'Los teléfonos de nuestras clínicas están en esa página.',
  'sms.waitlistClosed':
    '{network}: ya no está en la lista de espera para {visit} en {clinic}: {reason}. Para reservar o apuntarse otra vez: {link}',
};
