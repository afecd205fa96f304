import type { bookingTimesEn } from './booking-times.en.js';

/** Elegir un horario: los días de la semana con su número de horarios, y los horarios de un día. */
export const bookingTimesEs: { readonly [K in keyof typeof bookingTimesEn]: string } = {
  'book.times.heading': 'Horarios disponibles',
  'book.times.none':
    'No hay horarios libres en los próximos {days} días para esta elección. Pruebe otra clínica u otro profesional, anótese en la lista de espera o llámenos.',
  'book.times.earlier': 'Horarios anteriores',
  'book.times.later': 'Horarios posteriores',
  'book.times.next': 'El próximo horario disponible es {when}.',
  'book.times.with': 'con {provider} en {clinic}',
  'book.times.choose': 'Elegir las {time} del {day} con {provider} en {clinic}',
  'book.days.label': 'Elija un día',
  'book.days.count': '{n} horarios',
  'book.days.one': '1 horario',
  'book.days.none': 'Sin horarios',
  'book.days.showing': 'Horarios del {day}',
  'book.zip.label': 'Su código postal (opcional)',
  'book.zip.hint': 'Con cualquier clínica, las más cercanas aparecen primero. No guardamos su código postal.',
  'book.zip.miles': 'a {miles} millas',
  'book.speaks.label': 'Solo profesionales que hablan español',
  'book.language.notice':
    '{provider} no habla español. Un intérprete participa en su cita por teléfono sin costo; avísele a la clínica al llegar.',
  'book.dob.month': 'Mes',
  'book.dob.day': 'Día',
  'book.dob.year': 'Año',
  'book.dob.hint': 'Por ejemplo, 27 4 1980.',
  'book.error.birthDateImpossible': 'Esa fecha no existe: revise el día, el mes y el año',
  'book.error.birthDateFuture': 'Su fecha de nacimiento debe estar en el pasado',
  'book.duplicate.found': 'Es posible que ya tenga una cita así reservada con nosotros.',
  'book.duplicate.check':
    'Revise el correo de confirmación que le enviamos: su enlace sirve para cambiar o cancelar esa cita. Reserve otra solo si necesita las dos.',
  'book.duplicate.confirm': 'Sí, reservar otra cita',
};
