/**
 * FHIR R4 at the edge: a pathway as a Questionnaire, an assessment as a QuestionnaireResponse,
 * the STarT Back result as a RiskAssessment. Spanish text travels in the standard translation
 * extension so one resource serves both languages.
 */
import type { Answers, Scores, Condition, Item, Pathway, Text } from '../triage/index.js';

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const MIN_VALUE = 'http://hl7.org/fhir/StructureDefinition/minValue';
const MAX_VALUE = 'http://hl7.org/fhir/StructureDefinition/maxValue';
export const CODE_SYSTEM_BASE = 'https://carepath.example/fhir/CodeSystem';
export const QUESTIONNAIRE_BASE = 'https://carepath.example/fhir/Questionnaire';

const translated = (t: Text) => ({
  extension: [
    {
      url: TRANSLATION,
      extension: [
        { url: 'lang', valueCode: 'es' },
        { url: 'content', valueString: t.es },
      ],
    },
  ],
});

export function questionnaireUrl(p: Pathway) {
  return `${QUESTIONNAIRE_BASE}/${p.id}`;
}

/** Simple `item op value` conditions map to enableWhen; the pathway's own definition stays authoritative. */
function enableWhen(c: Condition | undefined) {
  if (!c) return {};
  const simple = 'all' in c ? c.all : [c];
  if (!simple.every((x) => 'item' in x)) return {};
  const ops = { eq: '=', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
  return {
    enableWhen: simple.map((x) => {
      const s = x as Extract<Condition, { item: string }>;
      const answer =
        typeof s.value === 'boolean'
          ? { answerBoolean: s.value }
          : typeof s.value === 'number'
            ? { answerInteger: s.value }
            : { answerCoding: { code: s.value } };
      return { question: s.item, operator: ops[s.op], ...answer };
    }),
    enableBehavior: 'all',
  };
}

function questionnaireItem(p: Pathway, i: Item) {
  return {
    linkId: i.linkId,
    text: i.text.en,
    _text: translated(i.text),
    type: i.type === 'choice' ? 'choice' : i.type,
    // A result needs every item but the optional instruments (required only while enabled);
    // an instrument's items are required together, which FHIR cannot say, so none is marked.
    required: !i.instrument,
    ...(i.fhir ? { code: [{ system: i.fhir.system, code: i.fhir.code, display: i.fhir.display }] } : {}),
    ...(i.type === 'integer'
      ? {
          extension: [
            { url: MIN_VALUE, valueInteger: i.min },
            { url: MAX_VALUE, valueInteger: i.max },
          ],
        }
      : {}),
    ...(i.options
      ? {
          answerOption: i.options.map((o) => ({
            valueCoding: {
              system: `${CODE_SYSTEM_BASE}/${p.id}-${i.linkId}`,
              code: o.code,
              display: o.display.en,
            },
          })),
        }
      : {}),
    ...enableWhen(i.enableWhen),
  };
}

export function toQuestionnaire(p: Pathway) {
  const plain = p.items.filter((i) => !i.instrument);
  const groups = p.instruments.map((ins) => ({
    linkId: ins.id,
    text: ins.name,
    type: 'group',
    code: [{ system: 'http://loinc.org', code: ins.loinc, display: ins.name }],
    item: p.items.filter((i) => i.instrument === ins.id).map((i) => questionnaireItem(p, i)),
  }));
  return {
    resourceType: 'Questionnaire',
    id: p.id,
    url: questionnaireUrl(p),
    version: p.version,
    name: p.id.replace(/(^|-)(\w)/g, (_, _d: string, ch: string) => ch.toUpperCase()),
    title: p.title.en,
    _title: translated(p.title),
    status: p.signOff.status === 'approved' ? 'active' : 'draft',
    date: p.signOff.date,
    language: 'en',
    description: p.intro.en,
    item: [...plain.map((i) => questionnaireItem(p, i)), ...groups],
  };
}

function answerValue(p: Pathway, i: Item, v: Answers[string]) {
  if (i.type === 'boolean') return { valueBoolean: v };
  if (i.type === 'integer') return { valueInteger: v };
  const option = i.options!.find((o) => o.code === v)!;
  return {
    valueCoding: { system: `${CODE_SYSTEM_BASE}/${p.id}-${i.linkId}`, code: v, display: option.display.en },
  };
}

export function toQuestionnaireResponse(
  p: Pathway,
  a: { id: string; answers: Answers; createdAt: Date; complete: boolean; pathwayVersion: string },
) {
  const answered = (i: Item) => a.answers[i.linkId] !== undefined;
  const item = (i: Item) => ({
    linkId: i.linkId,
    text: i.text.en,
    answer: [answerValue(p, i, a.answers[i.linkId]!)],
  });
  const plain = p.items.filter((i) => !i.instrument && answered(i)).map(item);
  const groups = p.instruments
    .map((ins) => ({
      linkId: ins.id,
      text: ins.name,
      item: p.items.filter((i) => i.instrument === ins.id && answered(i)).map(item),
    }))
    .filter((g) => g.item.length > 0);
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    questionnaire: `${questionnaireUrl(p)}|${a.pathwayVersion}`,
    status: a.complete ? 'completed' : 'in-progress',
    authored: a.createdAt.toISOString(),
    item: [...plain, ...groups],
  };
}

export function toRiskAssessment(a: { id: string; createdAt: Date; scores: Scores }) {
  const sb = a.scores.startBack;
  if (!sb) return undefined;
  return {
    resourceType: 'RiskAssessment',
    id: `${a.id}-start-back`,
    status: 'final',
    code: {
      coding: [{ system: 'http://loinc.org', code: '91351-7', display: 'Keele STarT Back Screening Tool' }],
    },
    occurrenceDateTime: a.createdAt.toISOString(),
    basis: [{ reference: `QuestionnaireResponse/${a.id}` }],
    prediction: [
      {
        outcome: { text: 'Poor back pain outcome (persistent disabling pain)' },
        qualitativeRisk: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/risk-probability',
              code: sb.risk === 'high' ? 'high' : sb.risk === 'medium' ? 'moderate' : 'low',
            },
          ],
          text: sb.risk,
        },
      },
    ],
    note: [{ text: `STarT Back total ${sb.total}/9, psychosocial subscale ${sb.psychosocial}/5` }],
  };
}
