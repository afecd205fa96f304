import type { Messages } from './en.js';

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

  'home.title': 'Atención del dolor de espalda en el área de Phoenix',
  'home.lead':
    'Descubra qué necesita su dolor de espalda, reciba un plan que puede seguir en casa y pida una cita con el profesional adecuado en una de nuestras cuatro clínicas.',
  'home.start.heading': '¿Es grave su dolor de espalda?',
  'home.start.body':
    'Nuestra autoevaluación pregunta primero por las señales de alarma y luego le dice qué hacer: llamar al 911, ver a un médico hoy, pedir una cita o cuidarse en casa. Toma unos cinco minutos.',
  'home.start.button': 'Empezar la autoevaluación del dolor de espalda',
  'home.book.heading': 'Pedir una cita',
  'home.book.body':
    'Elija una clínica, un profesional y un horario que le convenga. Puede cambiarla o cancelarla después.',
  'home.book.button': 'Pedir una cita',
  'home.clinics.heading': 'Encontrar una clínica',
  'home.clinics.body': 'Cuatro clínicas en {cities}, todas con la hora de Arizona.',
  'home.clinics.link': 'Ver todas las clínicas',
  'home.offer.heading': 'Lo que ofrecemos',
  'home.offer.pain': 'Manejo del dolor con un especialista, incluido el Dr. Ben Evans en Scottsdale.',
  'home.offer.internal':
    'Medicina interna para adultos: problemas cotidianos, enfermedades crónicas y chequeos.',
  'home.offer.sameDay': 'Citas el mismo día por dolor de espalda cuando necesita ver a alguien hoy.',
  'home.offer.spanish': 'Atención en inglés y en español.',
  'home.guides.heading': 'Guías de salud',

  'clinics.title': 'Nuestras clínicas',
  'clinics.lead':
    'Todas las clínicas están en Arizona, donde no se cambia la hora. Los horarios están en hora de Arizona.',
  'clinics.address': 'Dirección',
  'clinics.phone': 'Teléfono',
  'clinics.hours': 'Horario',
  'clinics.closed': 'Cerrado',
  'clinics.otherDays': 'Otros días: cerrado',
  'clinics.providers': 'Profesionales en esta clínica',
  'clinics.visitTypes': 'Citas que puede pedir aquí',
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
    'Guías claras y prácticas escritas por nuestro equipo. No reemplazan una consulta con un profesional.',
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
};
