/** Answer sets for the low back pain pathway (1.1.0), shared by tests. */
export const SCREEN_CLEAR = {
  'bladder-bowel-change': false,
  'saddle-numbness': false,
  'leg-weakness': 'none',
  'chest-pain': false,
  'sciatica-both-legs': false,
  'major-trauma': false,
  'collapse-or-pulsation': false,
} as const;

/** Every item of the main questionnaire answered, nothing triggering: a self-care result. */
export const SELF_CARE = {
  ...SCREEN_CLEAR,
  fever: false,
  'infection-risk': false,
  'cancer-history': false,
  'leg-numbness': false,
  'upper-back-pain': false,
  'back-lump': false,
  age: 34,
  'analgesic-over-limit': false,
  pregnant: false,
  'weight-loss': false,
  'night-pain': false,
  'minor-injury': false,
  'osteoporosis-or-steroids': false,
  'duration-days': 1,
  improving: 'better',
  'pain-score': 5,
  'first-episode': false,
  'inflammatory-pattern': false,
  scoliosis: false,
  'nsaid-caution': false,
  'liver-or-alcohol': false,
} as const;
