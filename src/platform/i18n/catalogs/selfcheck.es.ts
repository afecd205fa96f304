import type { selfCheckEn } from './selfcheck.en.js';

/** Self-check 1.1.0 in Spanish: every key of selfcheck.en.ts. */
export const selfCheckEs: { readonly [K in keyof typeof selfCheckEn]: string } = {
  'sc.scaleLegend': '0 es {min}, 10 es {max}',
  'sc.done.title': 'Ya terminó esta autoevaluación',
  'sc.done.body':
    'Sus respuestas se enviaron y su resultado está listo. Volver atrás no las cambia. Para responder de otra forma, empiece una autoevaluación nueva.',
  'sc.done.result': 'Ver su resultado',
  'sc.done.again': 'Empezar una autoevaluación nueva',

  'result.poison.heading': 'Llame ahora a Control de Envenenamientos (Poison Control): 1-800-222-1222',
  'result.poison.body':
    'Haga lo que le indiquen: es posible que le manden a la sala de emergencias. La llamada es gratis, atienden de día y de noche, y le pueden ayudar en español. Si se siente muy mal, con mucho sueño o con confusión, llame al 911.',
  'result.poison.call': 'Llamar a Control de Envenenamientos',
  'result.obstetric.heading':
    'Llame ahora a su obstetra o partera, o a la unidad de trabajo de parto y parto del hospital.',
  'result.obstetric.body':
    'Dígales que está embarazada, cuántas semanas tiene y lo que notó. Si sangra mucho, tiene un dolor fuerte o siente que se va a desmayar, llame al 911.',
  'result.safety.heading': 'Llame al 911 si le pasa algo de esto',
  'result.safety.body':
    'Problemas nuevos para orinar o para controlar el intestino, adormecimiento entre las piernas, debilidad en las dos piernas o debilidad que empeora, o dolor en el pecho o falta de aire.',
  'result.urgent.allClosed.heading': 'Nuestras clínicas están cerradas el resto del día',
  'result.urgent.allClosed.urgentCare':
    'Vaya hoy o esta noche a un centro de atención urgente si hay uno abierto cerca, y muéstreles esta página.',
  'result.urgent.allClosed.ed':
    'Vaya esta noche a una sala de emergencias si tiene fiebre, debilidad nueva en una pierna o un pie, o si tomó demasiada medicina.',
  'result.urgent.allClosed.call':
    'Si nada de esto le pasa y no se siente peor, llame a una de nuestras clínicas en cuanto abra:',
  'result.urgent.bookLater': 'Ver los próximos horarios libres',
  'result.urgent.noTimes.heading': 'Ya no quedan horarios libres hoy en nuestras clínicas',
  'result.urgent.noTimes.call':
    'Una clínica que siga abierta quizás pueda atenderle: llame ahora. Si no, siga las indicaciones de abajo.',
  'result.selfcare.book.heading': '¿Quiere que un médico o una enfermera practicante le revise la espalda?',
  'result.selfcare.book.body':
    'No necesita una consulta ahora, pero puede pedir una cita o llamar a una clínica:',
  'result.prepare.heading': 'Ayude a su médico a prepararse (opcional)',
  'result.prepare.body.visit':
    'Unas preguntas más sobre cómo le afecta el dolor en su vida ayudan a su médico o enfermera practicante a preparar la consulta. Toma unos 2 minutos. Su resultado de arriba no depende de ellas.',
  'result.prepare.body.selfcare':
    'Puede responder unas preguntas más sobre cómo le afecta el dolor en su vida. Toma unos 2 minutos. Si sus respuestas muestran que un fisioterapeuta probablemente le ayudaría a mejorar antes, se lo diremos.',
  'result.prepare.link': 'Responder las preguntas adicionales',
  'result.prepare.done':
    'Gracias por responder las preguntas adicionales. Si pide una cita, su médico o enfermera practicante las leerá antes.',
  'result.prepare.englishOnly':
    'Algunas preguntas sobre cómo le afecta el dolor todavía no tienen una versión en español comprobada, así que solo las hacemos en inglés.',
  'result.checkin.opens': 'Su seguimiento se abre el {date}.',
  'result.history.questions': '{date}: respondió las preguntas adicionales. Resultado: {result}.',
  'result.change.heading': '¿Eligió “Sí” por error?',
  'result.change.body':
    'Si tocó la respuesta equivocada, puede cambiarla. Si no está seguro, siga las indicaciones de arriba y llame al 911.',
  'result.change.button': 'Respondí por error: cambiar esta respuesta',

  'checkin.notYet.title': 'Todavía es pronto para contarnos cómo sigue',
  'checkin.notYet.body':
    'Su seguimiento se abre el {date}. Mientras tanto, siga su plan de cuidados. Si empeora o nota una señal de alarma, no espere: busque ayuda ahora.',
  'checkin.none.title': 'Este resultado no tiene seguimiento',
  'checkin.none.body':
    'El seguimiento es para un resultado de cuidados en casa. Su resultado es ver a un médico o enfermera practicante: pida una cita o llame a una clínica. Si empeora, no espere.',

  'prepare.title': 'Ayude a su médico a prepararse',
  'prepare.lead':
    'Estas preguntas son opcionales. Responda todas las preguntas de un grupo, o deje todo el grupo en blanco. Sus respuestas se agregan a su resultado.',
  'prepare.submit': 'Enviar mis respuestas',
  'prepare.error.partial': 'Responda todas las preguntas de “{group}”, o deje todo el grupo en blanco',
  'prepare.error.none': 'Responda las preguntas, o vuelva a su resultado',
  'prepare.group.peg': 'Su dolor durante la última semana',
  'prepare.group.start-back': 'Cómo le afecta el dolor de espalda',
  'prepare.agree': 'De acuerdo',
  'prepare.disagree': 'En desacuerdo',
  'prepare.done': 'Ya respondió estas preguntas. Gracias.',
};
