/** Why scheduling refused a change, one text per stable code (src/scheduling/refusals.ts). */
export const refusalsEn = {
  'refusal.title': 'Nothing was changed',
  'refusal.slot_taken': 'That time has just been taken by someone else. Please choose another time.',
  'refusal.visit_changed':
    'This visit changed since the page was shown (someone else may have checked it in, moved or cancelled it). Please look at it again.',
  'refusal.visit_not_active':
    'This visit is no longer booked (it was cancelled, checked in or has passed), so it cannot be changed.',
  'refusal.visit_started': 'This visit has already started.',
  'refusal.too_early_to_check_in': 'A visit can be checked in only on its day.',
  'refusal.too_late_to_check_in': 'This visit’s day has passed, so it can no longer be checked in.',
  'refusal.too_early_for_no_show': 'A visit can be marked as a no-show only once its start time has passed.',
  'refusal.not_waiting':
    'This person is no longer waiting: they were offered a time, booked, or left the list.',
  'refusal.booking_gone': 'The visit booked with this request no longer exists.',
} as const;
