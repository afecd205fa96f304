import type { clinicAdminEn } from './clinic-admin.en.js';

/** Funciones del personal por alcance, gerentes de clínica, y alta y retiro de clínicas, profesionales y tipos de cita. */
export const clinicAdminEs: { readonly [K in keyof typeof clinicAdminEn]: string } = {
  'staff.role.clinic-manager': 'gerencia de clínica',
  'admin.access.rolesHint':
    'La administración de la red llega a todas las clínicas, también a las que se agreguen después, y dirige toda la red. La gerencia de clínica dirige las clínicas marcadas abajo: su agenda, su horario, sus cierres y las ausencias de sus profesionales.',
  'admin.access.clinicsHint':
    'No hace falta para la administración de la red, que llega a todas las clínicas.',
  'admin.staff.allClinics': 'Todas las clínicas',
  'admin.timeOff.err.otherClinics':
    'Esta ausencia coincide con {n} citas reservadas en clínicas que usted no gestiona. Pida a la administración de la red que la agregue.',
  'admin.retire.title': 'Retirar {name}',
  'admin.retire.hint':
    '{name} dejará de aparecer en las páginas públicas, la búsqueda, las reservas y FHIR. Sus citas pasadas, el registro de auditoría y los enlaces de los pacientes siguen funcionando, y puede volver a activarlo desde la lista. Quien esté en su lista de espera sale de ella y recibe un aviso.',
  'admin.retire.button': 'Retirar',
  'admin.retire.retired': 'Retirado',
  'admin.retire.reactivate': 'Volver a activar',
  'admin.retire.back': 'Volver a la lista',
  'admin.retire.conflictTitle': 'Quedan {n} citas por venir',
  'admin.retire.conflictLead':
    'Estas citas están reservadas con {name}. Para retirarlo ahora, cancélelas: cada paciente recibe un mensaje. O vuelva atrás y cámbielas antes desde la página de cada cita.',
  'admin.retire.changed': 'Las citas cambiaron desde que se mostró esta página. Revíselas de nuevo.',
  'admin.retire.cancel': 'Cancelar estas citas y retirar',
  'admin.retire.cancelHint': 'A cada paciente se le avisa que su cita está cancelada.',
  'admin.retire.notNow': 'No retirarlo por ahora',
  'admin.retire.partialTitle': 'Retirado, pero quedan citas reservadas',
  'admin.retire.partial':
    'No se pudieron cancelar {n} citas (ya registradas a la llegada o ya empezadas). Resuélvalas desde la agenda.',
  'admin.retire.waitingTitle': 'Hay personas esperando en la lista de espera: {n}',
  'admin.retire.waitingLead':
    'Estas personas están en la lista de espera de {name}. Una vez retirado no podrá ofrecerles ninguna hora, así que al retirarlo salen de la lista.',
  'admin.retire.waitingHeading': 'En su lista de espera: {n}',
  'admin.retire.waitingHint':
    'Cada una sale de la lista de espera y recibe un correo o un mensaje de texto con cómo reservar otra hora, volver a apuntarse o llamarnos.',
  'admin.retire.closeWaiting': 'Quitarlas de la lista de espera y retirar',
  'admin.retire.closeWaitingHint': 'No hay citas reservadas, así que no se cancela ninguna.',
  'admin.create.slug': 'Nombre corto para las direcciones web',
  'admin.create.slugHint':
    'Letras minúsculas, números y guiones sueltos, como “north-tempe”. Aparece en las direcciones web y no se puede cambiar después.',
  'admin.create.err.slug':
    'Escriba un nombre corto con letras minúsculas, números y guiones sueltos, como “north-tempe”',
  'admin.create.err.slugReserved': 'No se puede usar “new” como nombre corto; elija otro',
  'admin.create.err.slugTaken': 'El nombre corto “{slug}” ya lo usa {name}; elija otro',
  'admin.clinics.add': 'Agregar una clínica',
  'admin.clinic.timeZone': 'Zona horaria',
  'admin.clinic.timeZoneHint': 'La zona horaria de la clínica, como America/Phoenix.',
  'admin.clinic.err.timeZone': 'Escriba una zona horaria como America/Phoenix',
  'admin.clinic.create': 'Agregar la clínica',
  'admin.providers.add': 'Agregar un profesional',
  'admin.provider.specialty': 'Especialidad',
  'admin.provider.languages': 'Idiomas que habla',
  'admin.provider.err.specialty': 'Elija la especialidad',
  'admin.provider.err.languages': 'Elija al menos un idioma',
  'admin.provider.create': 'Agregar el profesional',
  'admin.visitTypes.add': 'Agregar un tipo de cita',
  'admin.visitType.create': 'Agregar el tipo de cita',
  'admin.status': 'Estado',
  'admin.active': 'Activo',
};
