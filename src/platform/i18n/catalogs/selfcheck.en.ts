/** Self-check 1.1.0: result actions, after-hours advice, the follow-up questions, check-in timing. */
export const selfCheckEn = {
  'sc.scaleLegend': '0 is {min}, 10 is {max}',
  'sc.done.title': 'You have finished this self-check',
  'sc.done.body':
    'Your answers were sent and your result is ready. Going back does not change them. To answer differently, start a new self-check.',
  'sc.done.result': 'See your result',
  'sc.done.again': 'Start a new self-check',

  'result.poison.heading': 'Call Poison Control now: 1-800-222-1222',
  'result.poison.body':
    'Do what they tell you: they may send you to the emergency department. The call is free, they answer day and night, and they can help you in Spanish. If you feel very sick, very sleepy or confused, call 911.',
  'result.poison.call': 'Call Poison Control',
  'result.obstetric.heading': 'Call your obstetrician or midwife, or the labor and delivery unit, now.',
  'result.obstetric.body':
    'Tell them you are pregnant, how far along you are, and what you noticed. If you are bleeding heavily, have severe pain or feel faint, call 911.',
  'result.safety.heading': 'Call 911 if any of these happen',
  'result.safety.body':
    'New trouble peeing or controlling your bowels, numbness between your legs, weakness in both legs or weakness getting worse, or chest pain or trouble breathing.',
  'result.urgent.allClosed.heading': 'Our clinics are closed for the rest of today',
  'result.urgent.allClosed.urgentCare':
    'Go to an urgent care center today or tonight if one is open near you, and show them this page.',
  'result.urgent.allClosed.ed':
    'Go to an emergency department tonight if you have a fever, new weakness in a leg or foot, or took too much medicine.',
  'result.urgent.allClosed.call':
    'If none of this applies and you feel no worse, call one of our clinics as soon as it opens:',
  'result.urgent.bookLater': 'See the next free times',
  'result.urgent.noTimes.heading': 'No free times are left today at our clinics',
  'result.urgent.noTimes.call':
    'A clinic that is still open may be able to fit you in: call it now. If not, follow the advice below.',
  'result.selfcare.book.heading': 'Want a doctor or nurse practitioner to check your back?',
  'result.selfcare.book.body': 'You do not need a visit now, but you can book one, or call a clinic:',
  'result.prepare.heading': 'Help your doctor prepare (optional)',
  'result.prepare.body.visit':
    'A few more questions about how the pain affects your life help your doctor or nurse practitioner prepare for your visit. It takes about 2 minutes. Your result above does not depend on them.',
  'result.prepare.body.selfcare':
    'You can answer a few more questions about how the pain affects your life. It takes about 2 minutes. If your answers show that a physical therapist would likely help you get better sooner, we will tell you.',
  'result.prepare.link': 'Answer the extra questions',
  'result.prepare.done':
    'Thank you for answering the extra questions. If you book a visit, your doctor or nurse practitioner will read them first.',
  'result.prepare.englishOnly':
    'Some questions about how the pain affects you have no checked Spanish version yet, so we only ask them in English.',
  'result.checkin.opens': 'Your check-in opens on {date}.',
  'result.history.questions': '{date}: you answered the extra questions. Result: {result}.',
  'result.change.heading': 'Did you choose “Yes” by mistake?',
  'result.change.body':
    'If you tapped the wrong answer, you can change it. If you are not sure, follow the advice above and call 911.',
  'result.change.button': 'I answered by mistake: change this answer',

  'checkin.notYet.title': 'It is too early to check in',
  'checkin.notYet.body':
    'Your check-in opens on {date}. Until then, follow your self-care plan. If you get worse or notice a warning sign, do not wait: get help now.',
  'checkin.none.title': 'This result has no check-in',
  'checkin.none.body':
    'A check-in follows a self-care result. Your result is to see a doctor or nurse practitioner: book a visit or call a clinic. If you get worse, do not wait.',

  'prepare.title': 'Help your doctor prepare',
  'prepare.lead':
    'These questions are optional. Answer all the questions in a group, or leave the whole group blank. Your answers are added to your result.',
  'prepare.submit': 'Send my answers',
  'prepare.error.partial': 'Answer every question in “{group}”, or leave the whole group blank',
  'prepare.error.none': 'Answer the questions, or go back to your result',
  'prepare.group.peg': 'Your pain over the past week',
  'prepare.group.start-back': 'How your back pain affects you',
  'prepare.agree': 'Agree',
  'prepare.disagree': 'Disagree',
  'prepare.done': 'You have already answered these questions. Thank you.',
} as const;
