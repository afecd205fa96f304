/** Answer sets for the low back pain pathway, shared by tests. */
export const SCREEN_CLEAR = {
  'bladder-bowel-change': false,
  'saddle-numbness': false,
  'leg-weakness': 'none',
  'sciatica-both-legs': false,
  'major-trauma': false,
  'collapse-or-pulsation': false,
} as const;

export const SELF_CARE = {
  ...SCREEN_CLEAR,
  fever: false,
  'infection-risk': false,
  'cancer-history': false,
  'leg-numbness': false,
  age: 34,
  'duration-days': 1,
  improving: 'better',
  'first-episode': false,
  'pain-score': 5,
} as const;
