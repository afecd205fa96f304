import type { Messages } from './en.js';
import { selfCheckPagesEs } from './self-check-pages.es.js';
import { bookingEs } from './booking.es.js';
import { waitlistEs } from './waitlist.es.js';
import { messagesEs } from './messages.es.js';
import { adminEs } from './admin.es.js';
import { clinicAdminEs } from './clinic-admin.es.js';
import { selfCheckEs } from './selfcheck.es.js';
import { staffEs } from './staff.es.js';
import { accountsEs } from './accounts.es.js';
import { refusalsEs } from './refusals.es.js';
import { bookingTimesEs } from './booking-times.es.js';
import { visitPageEs } from './visit-page.es.js';
import { waitlistClosedEs } from './waitlist-closed.es.js';

/** Spanish (neutral Latin-American, "usted"). Every English key must be here. */
export const es: Messages = {
  'layout.skip': 'Saltar al contenido principal',
  'layout.nav.label': 'Menú principal',
  'layout.nav.home': 'Inicio',
  'layout.nav.guides': 'Guías de salud',
  'layout.nav.selfCheck': 'Autoevaluación del dolor de espalda',
  'layout.nav.clinics': 'Clínicas',
  'layout.nav.book': 'Pedir una cita',
  'layout.language.label': 'Idioma',
  'layout.language.switch': 'English',
  'layout.footer.emergency': 'En una emergencia, llame al 911.',
  'layout.footer.emergencyDetail':
    'Carepath no es un servicio de emergencias. Si cree que su vida o la de otra persona está en peligro, llame al 911 ahora.',
  'layout.footer.clinics': 'Nuestras clínicas',
  'layout.footer.demo':
    'Red de demostración: las direcciones y los teléfonos son ejemplos, no clínicas reales.',
  'layout.footer.privacy': 'Nada de este sitio se envía a otras empresas: sin rastreadores y sin publicidad.',

  'home.title': 'Atención del dolor de espalda en {area}',
  'home.titleNoArea': 'Atención del dolor de espalda cerca de usted',
  'home.lead':
    'Descubra qué necesita su dolor de espalda, reciba un plan que puede seguir en casa y pida una cita con el médico o la enfermera practicante adecuados en una de nuestras clínicas.',
  'home.start.heading': '¿Es grave su dolor de espalda?',
  'home.start.body':
    'Nuestra autoevaluación pregunta primero por las señales de alarma y luego le dice qué hacer: llamar al 911, ver a un médico hoy, pedir una cita o cuidarse en casa. Toma unos cinco minutos.',
  'home.start.button': 'Empezar la autoevaluación del dolor de espalda',
  'home.book.heading': 'Pedir una cita',
  'home.book.body':
    'Elija una clínica, un profesional y un horario que le convenga. Puede cambiarla o cancelarla después.',
  'home.book.button': 'Pedir una cita',
  'home.clinics.heading': 'Encontrar una clínica',
  'home.clinics.body': 'Clínicas en {cities}.',
  'home.clinics.link': 'Ver todas las clínicas',
  'home.offer.heading': 'Lo que ofrecemos',
  'home.offer.pain': 'Manejo del dolor con un especialista.',
  'home.offer.internal':
    'Medicina interna para adultos: problemas cotidianos, enfermedades crónicas y chequeos.',
  'home.offer.sameDay': 'Citas el mismo día por dolor de espalda cuando necesita ver a alguien hoy.',
  'home.offer.spanish': 'Atención en inglés y en español.',
  'home.guides.heading': 'Guías de salud',

  'clinics.title': 'Nuestras clínicas',
  'clinics.zip.label': 'Su código postal (ZIP)',
  'clinics.zip.hint': 'Mostramos primero las clínicas más cercanas. No guardamos su código postal.',
  'clinics.zip.button': 'Buscar la más cercana',
  'clinics.zip.errorFormat': 'Escriba un código postal de 5 cifras, por ejemplo 85251',
  'clinics.zip.errorUnknown': 'No conocemos el código postal {zip}. Revíselo e inténtelo de nuevo.',
  'clinics.zip.nearest': 'Primero las más cercanas al código postal {zip}.',
  'clinics.zip.miles': 'a {miles} millas',
  'times.all': 'Todos los horarios son en {zone}.',
  'times.each': 'Los horarios son en la hora local de cada clínica.',
  'clinics.address': 'Dirección',
  'clinics.phone': 'Teléfono',
  'clinics.hours': 'Horario',
  'clinics.closed': 'Cerrado',
  'clinics.otherDays': 'Otros días: cerrado',
  'clinics.providers': 'Profesionales en esta clínica',
  'clinics.status.open': 'Abierta ahora hasta las {closes}',
  'clinics.status.later': 'Abre hoy a las {opens}, hasta las {closes}',
  'clinics.status.next': 'Cerrada el resto del día. Abre el {day} a las {opens}',
  'clinics.status.closed': 'Cerrada el resto del día',
  'clinics.visitTypes': 'Citas que puede pedir aquí',
  'clinics.directionsLink': 'Cómo llegar a {clinic} en su aplicación de mapas',
  'clinics.directions': 'Cómo llegar',
  'clinics.book': 'Pedir cita en {clinic}',
  'clinics.call': 'Llamar al {phone}',
  'clinics.view': 'Detalles de la clínica',
  'clinics.demo': 'Datos de demostración',
  'clinics.minutes': '{minutes} minutos',
  'clinics.worksOn': '{days} en {clinic}',

  'providers.title': 'Nuestros profesionales',
  'providers.specialty.pain-management': 'Manejo del dolor',
  'providers.specialty.internal-medicine': 'Medicina interna',
  'providers.languages': 'Idiomas',
  'providers.where': 'Dónde y cuándo',
  'providers.visitTypes': 'Citas que ofrece',
  'providers.book': 'Pedir cita con {name}',
  'providers.language.en': 'Inglés',
  'providers.language.es': 'Español',

  'guides.title': 'Guías de salud',
  'guides.lead':
    'Guías claras y prácticas escritas por nuestro equipo. No reemplazan una consulta con un médico o una enfermera practicante.',
  'guides.related': 'Guías relacionadas',
  'guides.reviewed': 'Última revisión: {date}.',
  'guides.sources': 'Basado en',
  'guides.next.heading': 'Qué puede hacer ahora',
  'guides.next.selfCheck': 'Hacer la autoevaluación del dolor de espalda',
  'guides.next.book': 'Pedir una cita',
  'guides.next.clinics': 'Encontrar una clínica',
  'guides.read': 'Leer la guía',

  'error.notFound.title': 'Página no encontrada',
  'error.notFound.body': 'No encontramos esa página. Si escribió la dirección, verifique que sea correcta.',
  'error.notFound.home': 'Ir a la página de inicio',
  'error.server.title': 'Lo sentimos, algo salió mal',
  'error.server.body':
    'No pudimos mostrar esta página. Inténtelo de nuevo en unos minutos. Si necesita atención médica ahora, llame a su clínica y, en una emergencia, llame al 911.',
  'error.reference': 'Referencia: {id}',
  'error.request.title': 'No pudimos hacer eso',
  'error.tooMany.body':
    'Hubo demasiados intentos de pedir una cita desde su conexión en el último minuto. Espere un minuto e inténtelo de nuevo, o llame a una de nuestras clínicas.',
  'error.tooLarge.body':
    'Lo que se envió es mucho más largo de lo que permite cualquier formulario, así que no se guardó nada. Vuelva atrás, acórtelo e inténtelo de nuevo.',
  'error.request.body':
    'Algo en la solicitud no era válido o cambió mientras tanto. Vuelva atrás e inténtelo de nuevo.',
  ...selfCheckPagesEs,
  ...bookingEs,
  ...waitlistEs,
  ...messagesEs,
  ...selfCheckEs,
  ...staffEs,
  ...accountsEs,
  ...refusalsEs,
  ...bookingTimesEs,
  ...visitPageEs,
  ...adminEs,
  ...clinicAdminEs,
  ...waitlistClosedEs,
};
