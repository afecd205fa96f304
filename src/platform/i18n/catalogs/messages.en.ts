/** What is sent to patients: emails (check-in reminders, waiting-list offers, visit confirmations, moves, cancellations and reminders) and text messages. */
export const messagesEn = {
  // Mail
  'mail.checkin.subject': 'Time to check in: {network}',
  'mail.checkin.body':
    'Hello. You asked us to remind you to check in a few days after your self-check. Please tell us how you are doing at your private link: {link}\n\nIn an emergency, call 911.',
  'mail.waitlist.subject': 'A visit time is free: {network}',
  'mail.waitlist.body':
    'Hello {name}. A time you were waiting for is free: {when} at {clinic}. We are keeping it for you until {expires}. To book it, use this link: {link}\n\nIn an emergency, call 911.',
  'mail.appointment.confirmation.subject': 'Your visit is booked: {when}',
  'mail.appointment.confirmation.body':
    'Hello {name}. Your visit with {provider} is booked for {when} ({zone}) at {clinic}, {address}. To change or cancel it, use your private link: {link}',
  'mail.appointment.rescheduled.subject': 'Your visit has moved: {when}',
  'mail.appointment.rescheduled.body':
    'Hello {name}. Your visit has moved: it is now with {provider} on {when} ({zone}) at {clinic}, {address}. To change or cancel it, use your private link: {link}',
  'mail.appointment.cancelled.subject': 'Your visit has been cancelled',
  'mail.appointment.cancelled.body':
    'Hello {name}. Your visit on {when} at {clinic} has been cancelled. You can book a new visit at any time: {bookLink}',
  'mail.appointment.reminder.subject': 'Reminder: your visit on {when}',
  'mail.appointment.reminder.body':
    'Hello {name}. This is a reminder of your visit with {provider} on {when} ({zone}) at {clinic}, {address}. To change or cancel it, use your private link: {link}',
  'mail.footer': 'In an emergency, call 911. Please do not reply to this email; call your clinic at {phone}.',
  'mail.calendarTitle': 'Visit at {clinic}',
  'sms.reminder':
    '{network}: reminder of your visit {when} at {clinic}. Change or cancel: {link} Reply STOP to stop texts.',
  // Sent instead of the emails when a patient gave no email address (booked by phone or by API).
  'sms.confirmation':
    '{network}: your visit is booked for {when} ({zone}) at {clinic}, {address}. Change or cancel: {link}',
  'sms.rescheduled':
    '{network}: your visit has moved to {when} ({zone}) with {provider} at {clinic}, {address}. Change or cancel: {link}',
  'sms.cancelled': '{network}: your visit on {when} at {clinic} is cancelled. To book again: {bookLink}',
  'sms.waitlistOffer':
    '{network}: a visit time is free, {when} at {clinic}. We keep it for you until {expires}: {link}',
} as const;
