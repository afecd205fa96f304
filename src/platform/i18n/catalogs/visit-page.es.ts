import type { visitPageEn } from './visit-page.en.js';

/** La página de una cita (su enlace privado): lo que el paciente necesita saber antes de ir. */
export const visitPageEs: { readonly [K in keyof typeof visitPageEn]: string } = {
  'visit.reference': 'Referencia',
  'visit.emailedTo': 'Enviamos una confirmación a {email}.',
  'visit.bring.heading': 'Qué traer',
  'visit.bring.id': 'Una identificación con foto',
  'visit.bring.insurance': 'Su tarjeta del seguro médico, si tiene',
  'visit.bring.medicines': 'Una lista de los medicamentos que toma, con sus dosis',
  'visit.arrive': 'Llegue 15 minutos antes de su cita para registrarse, por favor.',
  'visit.printButton': 'Imprimir esta página',
  'visit.printHeader': '{network} · {clinic}',
  'visit.phoneLabel': 'Teléfono de la clínica',
  'waitlist.for.heading': 'Lo que está esperando',
  'waitlist.for.visit': 'Cita',
  'waitlist.for.clinic': 'Clínica',
  'waitlist.for.clinician': 'Profesional',
  'waitlist.for.dates': 'Fechas',
  'waitlist.for.range': 'Del {from} al {to}',
  // Moving a visit (reschedule-pages.tsx).
  'manage.reschedule.now': 'Reservada ahora',
  'manage.reschedule.changeSummary': 'Cambiar de médico, clínica o tipo de consulta',
  'manage.reschedule.show': 'Ver horarios',
  'manage.reschedule.intakeKept':
    'Sus respuestas de la autoevaluación siguen con esta cita, por eso solo puede cambiar a los tipos de consulta de esta lista.',
  'manage.reschedule.error.visitType': 'Elija uno de los tipos de consulta de la lista',
  'manage.reschedule.before': 'Su cita ahora',
  'manage.reschedule.after': 'Su cita después del cambio',
};
