/** The self-check's own pages: the start page, the questions, checking the answers, the result and its self-care plan, and the check-in a few days later. */
export const selfCheckPagesEn = {
  // Self-check
  'sc.start.title': 'Back pain self-check',
  'sc.start.lead': 'Answer a few questions about your back pain and find out what to do next.',
  'sc.start.what': 'What happens',
  'sc.start.step1': 'First we ask about warning signs that need help straight away.',
  'sc.start.step2': 'Then we ask about your pain, your health and how you are feeling.',
  'sc.start.step3': 'You get a result with the reasons, a self-care plan you can print, and the next step.',
  'sc.start.time':
    'Most people finish in 2 to 5 minutes: we only ask what matters for your answers so far. Your answers are kept private and are deleted after {days} days.',
  'sc.start.notDiagnosis':
    'This self-check does not give a diagnosis. It is for adults and young people aged 16 and over.',
  'sc.start.emergency': 'If you feel very unwell or think it is an emergency, do not wait: call 911 now.',
  'sc.start.button': 'Start now',
  'sc.start.resume': 'You have a self-check in progress.',
  'sc.start.resumeLink': 'Continue where you left off',
  'sc.start.restart': 'Start again',
  'sc.start.expired':
    'Your answers were deleted because you did not continue for a while. Please start again.',
  'sc.signoff.pending':
    'Self-check version {version} (its questions and rules): waiting for approval by a licensed doctor.',
  'sc.signoff.approved':
    'Self-check version {version} (its questions and rules), approved by {clinician} on {date}.',
  'sc.back': 'Back',
  'sc.continue': 'Continue',
  'sc.progress': 'Question {n} of about {total}',
  'sc.yes': 'Yes',
  'sc.no': 'No',
  'sc.scale': '0 means {min}. 10 means {max}.',
  'sc.errorSummary': 'There is a problem',
  'sc.errorPrefix': 'Error:',
  'sc.error.missing.boolean': 'Select yes or no',
  'sc.error.missing.choice': 'Select one answer',
  'sc.error.missing.integer': 'Enter a number',
  'sc.error.integer': 'Enter a whole number, using digits, like 5',
  'sc.error.range': 'Enter a number from {min} to {max}',
  'sc.error.choice': 'Select one of the answers shown',
  'sc.check.title': 'Check your answers',
  'sc.check.lead': 'Look over your answers before you see your result.',
  'sc.check.change': 'Change',
  'sc.check.changeHidden': 'your answer to: {question}',
  'sc.check.submit': 'See my result',
  'sc.check.notAnswered': 'Not answered',

  // Result
  'result.title.emergency': 'Call 911 now',
  'result.title.urgent': 'See a doctor today',
  'result.title.appointment': 'Book a visit in the next few days',
  'result.title.self-care': 'You can look after your back at home',
  'result.lead.emergency':
    'Your answers include signs that need emergency care now. Call 911, or go to the nearest emergency department. Do not drive yourself.',
  'result.lead.urgent':
    'Your answers include signs that a doctor should check today. Do not wait for it to pass.',
  'result.lead.appointment':
    'Your answers suggest a doctor or nurse practitioner should see you in the next few days. Nothing you told us needs emergency care right now.',
  'result.lead.self-care':
    'Nothing you told us needs emergency care right now, and you can start caring for your back at home. Most back pain like this gets better within a few days to weeks.',
  'result.call911': 'Call 911',
  'result.tell.heading': 'What to tell them',
  'result.tell.intro':
    'Say that you have back pain and describe the warning signs listed under “Why we said this” below. Also tell them:',
  'result.tell.age': 'your age, any medicines you take, and when the pain started.',
  'result.urgent.call': 'Call one of our clinics now and say you need to be seen today:',
  'result.urgent.openToday': 'Today {hours}',
  'result.urgent.closedToday': 'Closed today',
  'result.urgent.fallback':
    'If none of our clinics can see you today, go to an urgent care center. If you get worse, or notice any emergency sign, call 911.',
  'result.book.button': 'Book a visit',
  'result.book.intake':
    'When you book from this page, your answers go with the booking, so the doctor or nurse practitioner can read them before your visit.',
  'result.book.phone': 'You can also call a clinic to book.',
  'result.reasons.heading': 'Why we said this',
  'result.reasons.none': 'None of your answers were warning signs.',
  'result.reasons.also': 'Also noted',
  'result.scores.heading': 'Your scores',
  'result.scores.peg': 'Pain, enjoyment and activity (PEG): {score} out of 10',
  'result.scores.startBack':
    'STarT Back: {total} out of 9 (emotional part {psychosocial} out of 5), {risk} risk',
  'result.scores.risk.low': 'low',
  'result.scores.risk.medium': 'medium',
  'result.scores.risk.high': 'high',
  'result.scores.none': 'You did not answer the scored questions.',
  'result.plan.heading': 'Your self-care plan',
  'result.plan.print': 'Print your self-care plan',
  'result.plan.meanwhile': 'Until your visit, this plan can help.',
  'result.checkin.heading': 'Check in with us in a few days',
  'result.checkin.body':
    'From {date} we will ask how your back is doing. If it is not getting better, we will help you book a visit.',
  'result.checkin.link': 'Check in now',
  'result.checkin.email.label': 'Email address (optional)',
  'result.checkin.email.hint':
    'We will email you a reminder with your check-in link. We use it for nothing else.',
  'result.checkin.email.button': 'Email me a reminder',
  'result.checkin.email.saved': 'Thank you. We will email you a reminder on {date}.',
  'result.checkin.email.invalid': 'Enter an email address in the correct format, like name@example.com',
  'result.keep.heading': 'Keep this page',
  'result.keep.body':
    'This page has its own private address. Bookmark it to come back to your result and check-in. Do not share it: anyone with the address can read your answers.',
  'result.history.heading': 'Your check-ins',
  'result.history.item': '{date}: {improving}. Result: {result}.',
  'result.expires': 'Your answers will be deleted on {date}.',
  'result.disposition.emergency': 'call 911',
  'result.disposition.urgent': 'see a doctor today',
  'result.disposition.appointment': 'book a visit',
  'result.disposition.self-care': 'self-care at home',
  'result.improving.better': 'getting better',
  'result.improving.same': 'about the same',
  'result.improving.worse': 'getting worse',
  'result.notFound.title': 'We cannot find this result',
  'result.notFound.body':
    'The link may be wrong, or the result was deleted after {days} days. You can take the self-check again.',
  'result.again': 'Take the self-check again',
  'plan.title': 'Self-care plan for your back',
  'plan.made': 'Made on {date} from your self-check answers.',
  'plan.printHint': 'Use your browser’s Print command to print this page.',
  'plan.backToResult': 'Back to your result',

  // Check-in
  'checkin.title': 'How is your back now?',
  'checkin.lead': 'It has been {days} since your self-check.',
  'checkin.days.one': '1 day',
  'checkin.days.other': '{n} days',
  'checkin.days.zero': 'less than a day',
  'checkin.error.improving': 'Select whether your back is getting better, the same or worse',
  'checkin.submit': 'Send my check-in',
  'checkin.done.title': 'Thank you for checking in',
} as const;
