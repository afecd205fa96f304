import type { selfCheckPagesEn } from './self-check-pages.en.js';

/** The self-check's pages in Spanish: every key of self-check-pages.en.ts. */
export const selfCheckPagesEs: { readonly [K in keyof typeof selfCheckPagesEn]: string } = {
  'sc.start.title': 'Autoevaluación del dolor de espalda',
  'sc.start.lead': 'Responda algunas preguntas sobre su dolor de espalda y sepa qué hacer ahora.',
  'sc.start.what': 'Qué va a pasar',
  'sc.start.step1': 'Primero le preguntamos por señales de alarma que necesitan ayuda de inmediato.',
  'sc.start.step2': 'Después le preguntamos por su dolor, su salud y cómo se siente.',
  'sc.start.step3':
    'Recibe un resultado con los motivos, un plan de cuidados que puede imprimir y el siguiente paso.',
  'sc.start.time':
    'La mayoría de las personas termina en 2 a 5 minutos: solo preguntamos lo que importa según lo que ya respondió. Sus respuestas son privadas y se borran después de {days} días.',
  'sc.start.notDiagnosis':
    'Esta autoevaluación no da un diagnóstico. Es para adultos y jóvenes de 16 años o más.',
  'sc.start.emergency': 'Si se siente muy mal o cree que es una emergencia, no espere: llame al 911 ahora.',
  'sc.start.button': 'Empezar ahora',
  'sc.start.resume': 'Tiene una autoevaluación sin terminar.',
  'sc.start.resumeLink': 'Continuar donde la dejó',
  'sc.start.restart': 'Empezar de nuevo',
  'sc.start.expired':
    'Sus respuestas se borraron porque no continuó durante un tiempo. Empiece de nuevo, por favor.',
  'sc.signoff.pending':
    'Autoevaluación versión {version} (sus preguntas y reglas): pendiente de aprobación por un médico con licencia.',
  'sc.signoff.approved':
    'Autoevaluación versión {version} (sus preguntas y reglas), aprobada por {clinician} el {date}.',
  'sc.back': 'Atrás',
  'sc.continue': 'Continuar',
  'sc.progress': 'Pregunta {n} de unas {total}',
  'sc.yes': 'Sí',
  'sc.no': 'No',
  'sc.scale': '0 significa {min}. 10 significa {max}.',
  'sc.errorSummary': 'Hay un problema',
  'sc.errorPrefix': 'Error:',
  'sc.error.missing.boolean': 'Seleccione sí o no',
  'sc.error.missing.choice': 'Seleccione una respuesta',
  'sc.error.missing.integer': 'Escriba un número',
  'sc.error.integer': 'Escriba un número entero con cifras, por ejemplo 5',
  'sc.error.range': 'Escriba un número del {min} al {max}',
  'sc.error.choice': 'Seleccione una de las respuestas que se muestran',
  'sc.check.title': 'Revise sus respuestas',
  'sc.check.lead': 'Revise sus respuestas antes de ver su resultado.',
  'sc.check.change': 'Cambiar',
  'sc.check.changeHidden': 'su respuesta a: {question}',
  'sc.check.submit': 'Ver mi resultado',
  'sc.check.notAnswered': 'Sin responder',

  'result.title.emergency': 'Llame al 911 ahora',
  'result.title.urgent': 'Vea a un médico hoy',
  'result.title.appointment': 'Pida una cita en los próximos días',
  'result.title.self-care': 'Puede cuidar su espalda en casa',
  'result.lead.emergency':
    'Sus respuestas incluyen señales que necesitan atención de emergencia ahora. Llame al 911 o vaya a la sala de emergencias más cercana. No maneje usted.',
  'result.lead.urgent':
    'Sus respuestas incluyen señales que un médico debe revisar hoy. No espere a que se le pase.',
  'result.lead.appointment':
    'Sus respuestas indican que un médico o una enfermera practicante debería verle en los próximos días. Nada de lo que nos dijo necesita atención de emergencia en este momento.',
  'result.lead.self-care':
    'Nada de lo que nos dijo necesita atención de emergencia en este momento, y puede empezar a cuidarse la espalda en casa. La mayoría de los dolores de espalda como este mejoran en unos días o semanas.',
  'result.call911': 'Llame al 911',
  'result.tell.heading': 'Qué decirles',
  'result.tell.intro':
    'Diga que tiene dolor de espalda y describa las señales de alarma que aparecen abajo en “Por qué le decimos esto”. Cuénteles también:',
  'result.tell.age': 'su edad, los medicamentos que toma y cuándo empezó el dolor.',
  'result.urgent.call': 'Llame ahora a una de nuestras clínicas y diga que necesita que le atiendan hoy:',
  'result.urgent.openToday': 'Hoy {hours}',
  'result.urgent.closedToday': 'Cerrado hoy',
  'result.urgent.fallback':
    'Si ninguna de nuestras clínicas puede atenderle hoy, vaya a un centro de atención urgente. Si empeora o nota alguna señal de emergencia, llame al 911.',
  'result.book.button': 'Pedir una cita',
  'result.book.intake':
    'Si pide la cita desde esta página, sus respuestas se envían con la cita para que el médico o la enfermera practicante pueda leerlas antes de la consulta.',
  'result.book.phone': 'También puede llamar a una clínica para pedir la cita.',
  'result.reasons.heading': 'Por qué le decimos esto',
  'result.reasons.none': 'Ninguna de sus respuestas fue una señal de alarma.',
  'result.reasons.also': 'También tomamos en cuenta',
  'result.scores.heading': 'Sus puntuaciones',
  'result.scores.peg': 'Dolor, disfrute y actividad (PEG): {score} de 10',
  'result.scores.startBack': 'STarT Back: {total} de 9 (parte emocional {psychosocial} de 5), riesgo {risk}',
  'result.scores.risk.low': 'bajo',
  'result.scores.risk.medium': 'medio',
  'result.scores.risk.high': 'alto',
  'result.scores.none': 'No respondió las preguntas con puntuación.',
  'result.plan.heading': 'Su plan de cuidados en casa',
  'result.plan.print': 'Imprimir su plan de cuidados',
  'result.plan.meanwhile': 'Hasta su cita, este plan puede ayudarle.',
  'result.checkin.heading': 'Cuéntenos cómo sigue en unos días',
  'result.checkin.body':
    'A partir del {date} le preguntaremos cómo va su espalda. Si no mejora, le ayudaremos a pedir una cita.',
  'result.checkin.link': 'Contarnos cómo sigue ahora',
  'result.checkin.email.label': 'Correo electrónico (opcional)',
  'result.checkin.email.hint':
    'Le enviaremos un recordatorio con su enlace de seguimiento. No lo usamos para nada más.',
  'result.checkin.email.button': 'Enviarme un recordatorio',
  'result.checkin.email.saved': 'Gracias. Le enviaremos un recordatorio el {date}.',
  'result.checkin.email.invalid':
    'Escriba un correo electrónico con el formato correcto, por ejemplo nombre@ejemplo.com',
  'result.keep.heading': 'Guarde esta página',
  'result.keep.body':
    'Esta página tiene su propia dirección privada. Guárdela en favoritos para volver a su resultado y a su seguimiento. No la comparta: cualquier persona con la dirección puede leer sus respuestas.',
  'result.history.heading': 'Sus seguimientos',
  'result.history.item': '{date}: {improving}. Resultado: {result}.',
  'result.expires': 'Sus respuestas se borrarán el {date}.',
  'result.disposition.emergency': 'llamar al 911',
  'result.disposition.urgent': 'ver a un médico hoy',
  'result.disposition.appointment': 'pedir una cita',
  'result.disposition.self-care': 'cuidados en casa',
  'result.improving.better': 'mejorando',
  'result.improving.same': 'más o menos igual',
  'result.improving.worse': 'empeorando',
  'result.notFound.title': 'No encontramos este resultado',
  'result.notFound.body':
    'Puede que el enlace esté mal o que el resultado se haya borrado después de {days} días. Puede hacer la autoevaluación de nuevo.',
  'result.again': 'Hacer la autoevaluación de nuevo',
  'plan.title': 'Plan de cuidados para su espalda',
  'plan.made': 'Preparado el {date} a partir de sus respuestas.',
  'plan.printHint': 'Use el comando Imprimir de su navegador para imprimir esta página.',
  'plan.backToResult': 'Volver a su resultado',

  'checkin.title': '¿Cómo está su espalda ahora?',
  'checkin.lead': 'Han pasado {days} desde su autoevaluación.',
  'checkin.days.one': '1 día',
  'checkin.days.other': '{n} días',
  'checkin.days.zero': 'menos de un día',
  'checkin.error.improving': 'Seleccione si su espalda está mejorando, igual o peor',
  'checkin.submit': 'Enviar mi seguimiento',
  'checkin.done.title': 'Gracias por contarnos cómo sigue',
};
