/** Por qué se rechazó un cambio: un texto por código estable (src/scheduling/refusals.ts). */
export const refusalsEs = {
  'refusal.title': 'No se cambió nada',
  'refusal.slot_taken': 'Otra persona acaba de reservar ese horario. Elija otro, por favor.',
  'refusal.visit_changed':
    'Esta cita cambió desde que se mostró la página (alguien pudo registrar la llegada, moverla o cancelarla). Vuelva a mirarla, por favor.',
  'refusal.visit_not_active':
    'Esta cita ya no está reservada (se canceló, ya se registró la llegada o ya pasó), así que no se puede cambiar.',
  'refusal.visit_started': 'Esta cita ya empezó.',
  'refusal.too_early_to_check_in': 'Solo se puede registrar la llegada el día de la cita.',
  'refusal.too_late_to_check_in': 'El día de esta cita ya pasó, así que ya no se puede registrar la llegada.',
  'refusal.too_early_for_no_show':
    'Solo se puede marcar que el paciente no vino después de la hora de inicio de la cita.',
  'refusal.not_waiting':
    'Esta persona ya no está esperando: se le ofreció un horario, reservó o salió de la lista.',
  'refusal.booking_gone': 'La cita reservada con esta solicitud ya no existe.',
} as const;
