/**
 * The self-check on the web: one question per page, emergency screen first, answers kept in a
 * server-side draft, "check your answers", then the result at its private link. Works fully
 * without JavaScript (plain forms, POST-redirect-GET).
 */
import type { Context } from 'hono';
import { actorOf } from '../platform/http/request-context.js';
import { Hono } from 'hono';
import { recordAudit } from '../audit/audit.js';
import type { DirectoryService } from '../directory/directory-service.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { clearCookie, readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import { NotFound, ValidationFailed } from '../platform/http/problem.js';
import { enqueueMessage } from '../platform/mail/mailer.js';
import { TOKEN_PATTERN } from '../platform/tokens.js';
import { hasControlCharacters } from '../platform/text.js';
import { titleWithErrors } from '../platform/views/forms.js';
import type { PageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import {
  createAssessment,
  currentDisposition,
  deployedPathway,
  readAssessmentByToken,
  recordCheckIn,
  type Triage,
} from './assessment-service.js';
import { setAssessmentEmail } from './assessment-store.js';
import { CheckInDonePage, CheckInPage } from './check-in-views.js';
import {
  DRAFT_COOKIE,
  discardDraft,
  findDraftByCookie,
  saveDraftAnswers,
  startDraft,
} from './draft-service.js';
import { askedItems, nextStep, parseFormValue, pruneAnswers, type Answers } from './engine.js';
import type { Item, Pathway } from './pathway.js';
import { buildPlan } from './plan.js';
import { CheckAnswersPage, formValue, QuestionPage, StartPage } from './question-views.js';
import { PlanPage, ResultPage } from './result-views.js';
import { checkInMessageKey } from './triage-jobs.js';
import { INTAKE_COOKIE } from '../scheduling/booking-pages.js';

const PATHWAY = 'low-back-pain';

export interface SelfCheckSettings {
  draftTtlMinutes: number;
  publicUrl: string;
  secureCookies: boolean;
  retentionDays: number;
  networkName: () => Promise<string>;
}

function errorMessage(
  ctx: PageContext,
  item: Item,
  error: 'missing' | 'integer' | 'range' | 'choice',
): string {
  if (error === 'missing') return ctx.t(`sc.error.missing.${item.type}`);
  if (error === 'range') return ctx.t('sc.error.range', { min: item.min!, max: item.max! });
  return ctx.t(error === 'integer' ? 'sc.error.integer' : 'sc.error.choice');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function selfCheckPages(
  triage: Triage,
  directory: DirectoryService,
  site: Site,
  s: SelfCheckSettings,
): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  const pathway = (): Pathway => deployedPathway(triage, PATHWAY)!;
  const draftSettings = { ttlMinutes: s.draftTtlMinutes };

  const loadDraft = (c: Context) => findDraftByCookie(triage, readCookie(c, DRAFT_COOKIE));

  /** Where a question's back link goes: the question asked before it, or the start page. */
  const previousHref = (ctx: PageContext, p: Pathway, answers: Answers, linkId: string) => {
    const asked = askedItems(p, answers);
    const i = asked.findIndex((x) => x.linkId === linkId);
    return i > 0 ? ctx.href(`/self-check/q/${asked[i - 1]!.linkId}`) : ctx.href('/self-check');
  };

  /** After an answer: an emergency (or other stop) ends it now; otherwise the next question or the check page. */
  const advance = async (
    c: Context<AppEnv>,
    ctx: PageContext,
    p: Pathway,
    answers: Answers,
    draftId: string,
  ) => {
    const step = nextStep(p, answers);
    if (step.kind === 'stop') return finish(c, ctx, answers, draftId);
    if (step.kind === 'question') return c.redirect(ctx.href(`/self-check/q/${step.item.linkId}`), 303);
    return c.redirect(ctx.href('/self-check/check'), 303);
  };

  const finish = async (c: Context<AppEnv>, ctx: PageContext, answers: Answers, draftId: string) => {
    const { token } = await createAssessment(
      triage,
      { pathwayId: PATHWAY, answers, language: ctx.locale, source: 'web' },
      actorOf(c, 'patient'),
    );
    await discardDraft(triage, draftId);
    clearCookie(c, DRAFT_COOKIE, s.secureCookies);
    return c.redirect(ctx.href(`/self-check/r/${token}`), 303);
  };

  pages.get('/self-check', async (c) => {
    const ctx = await contextFor(c, site);
    const p = pathway();
    const draft = await loadDraft(c);
    const step = draft ? nextStep(p, draft.answers) : undefined;
    const resume = step?.kind === 'question' ? `/self-check/q/${step.item.linkId}` : '/self-check/check';
    const expired = !draft && Boolean(readCookie(c, DRAFT_COOKIE)) && c.req.query('expired') === '1';
    return renderPage(
      c,
      ctx,
      { title: ctx.t('sc.start.title'), description: ctx.t('sc.start.lead') },
      <StartPage
        ctx={ctx}
        p={p}
        retentionDays={s.retentionDays}
        hasDraft={Boolean(draft && Object.keys(draft.answers).length)}
        resumeHref={ctx.href(resume)}
        expired={expired}
      />,
    );
  });

  pages.post('/self-check/start', async (c) => {
    const ctx = await contextFor(c, site);
    const old = await loadDraft(c);
    if (old) await discardDraft(triage, old.id);
    const { cookie } = await startDraft(triage, draftSettings, PATHWAY, actorOf(c, 'patient'));
    setPrivateCookie(c, DRAFT_COOKIE, cookie, s.draftTtlMinutes * 60, s.secureCookies);
    const step = nextStep(pathway(), {});
    return c.redirect(ctx.href(`/self-check/q/${step.kind === 'question' ? step.item.linkId : ''}`), 303);
  });

  const questionRoute = async (c: Context<AppEnv>, method: 'GET' | 'POST') => {
    const ctx = await contextFor(c, site);
    const p = pathway();
    const draft = await loadDraft(c);
    if (!draft) return c.redirect(`${ctx.href('/self-check')}?expired=1`, 303);
    const linkId = c.req.param('linkId') ?? '';
    const asked = askedItems(p, draft.answers);
    const item = asked.find((i) => i.linkId === linkId);
    const step = nextStep(p, draft.answers);
    if (!item) {
      if (!p.items.some((i) => i.linkId === linkId)) throw new NotFound();
      return c.redirect(ctx.href('/self-check'), 303);
    }
    // No skipping ahead: only answered questions and the next one can be opened.
    const index = asked.indexOf(item);
    const nextIndex = step.kind === 'question' ? step.index : asked.length;
    if (index > nextIndex) return c.redirect(ctx.href(`/self-check/q/${asked[nextIndex]!.linkId}`), 303);
    const change = c.req.query('change') === '1';
    const action = ctx.href(`/self-check/q/${linkId}`) + (change ? '?change=1' : '');
    const backHref = change ? ctx.href('/self-check/check') : previousHref(ctx, p, draft.answers, linkId);
    const render = (value: string | undefined, error: string | undefined) =>
      renderPage(
        c,
        ctx,
        {
          title: titleWithErrors(ctx, item.text[ctx.locale], error ? [error] : []),
          noindex: true,
          status: error ? 422 : 200,
        },
        <QuestionPage
          ctx={ctx}
          p={p}
          item={item}
          index={index}
          total={asked.length}
          backHref={backHref}
          action={action}
          value={value}
          error={error}
        />,
      );

    if (method === 'GET') {
      await recordAudit(triage.db, {
        ...actorOf(c, 'patient'),
        action: 'read',
        entityType: 'questionnaire-draft',
        entityId: draft.id,
        outcome: 'success',
      });
      return render(formValue(draft.answers[linkId]), undefined);
    }
    const form = await c.req.parseBody();
    const raw = typeof form.answer === 'string' ? form.answer : undefined;
    const parsed = parseFormValue(item, raw);
    if ('error' in parsed) return render(raw, errorMessage(ctx, item, parsed.error));
    const answers = pruneAnswers(p, { ...draft.answers, [linkId]: parsed.value });
    await saveDraftAnswers(triage, draftSettings, draft, answers, actorOf(c, 'patient'));
    // Each answer extends the draft on the server; the cookie lives as long (slow readers keep their place).
    setPrivateCookie(c, DRAFT_COOKIE, readCookie(c, DRAFT_COOKIE)!, s.draftTtlMinutes * 60, s.secureCookies);
    return advance(c, ctx, p, answers, draft.id);
  };
  pages.get('/self-check/q/:linkId', (c) => questionRoute(c, 'GET'));
  pages.post('/self-check/q/:linkId', (c) => questionRoute(c, 'POST'));

  pages.get('/self-check/check', async (c) => {
    const ctx = await contextFor(c, site);
    const p = pathway();
    const draft = await loadDraft(c);
    if (!draft) return c.redirect(`${ctx.href('/self-check')}?expired=1`, 303);
    const step = nextStep(p, draft.answers);
    if (step.kind === 'question') return c.redirect(ctx.href(`/self-check/q/${step.item.linkId}`), 303);
    await recordAudit(triage.db, {
      ...actorOf(c, 'patient'),
      action: 'read',
      entityType: 'questionnaire-draft',
      entityId: draft.id,
      outcome: 'success',
    });
    const items = askedItems(p, draft.answers);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('sc.check.title'), noindex: true },
      <CheckAnswersPage
        ctx={ctx}
        items={items}
        answers={draft.answers}
        changeHref={(id) => `${ctx.href(`/self-check/q/${id}`)}?change=1`}
        action={ctx.href('/self-check/check')}
        backHref={ctx.href(`/self-check/q/${items.at(-1)!.linkId}`)}
      />,
    );
  });

  pages.post('/self-check/check', async (c) => {
    const ctx = await contextFor(c, site);
    const p = pathway();
    const draft = await loadDraft(c);
    if (!draft) return c.redirect(`${ctx.href('/self-check')}?expired=1`, 303);
    const step = nextStep(p, draft.answers);
    if (step.kind === 'question') return c.redirect(ctx.href(`/self-check/q/${step.item.linkId}`), 303);
    return finish(c, ctx, draft.answers, draft.id);
  });

  // ---------------------------------------------------------------- the result at its private link

  const loadResult = async (c: Context<AppEnv>, action = 'read') => {
    const token = c.req.param('token') ?? '';
    if (!TOKEN_PATTERN.test(token)) throw new NotFound();
    const found = await readAssessmentByToken(triage, token, actorOf(c, 'patient'), action);
    return { token, found };
  };

  const notFoundResult = async (c: Context<AppEnv>) => {
    const ctx = await contextFor(c, site);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('result.notFound.title'), status: 404, noindex: true },
      <div class="narrow">
        <h1>{ctx.t('result.notFound.title')}</h1>
        <p>{ctx.t('result.notFound.body', { days: s.retentionDays })}</p>
        <p>
          <a class="button" href={ctx.href('/self-check')}>
            {ctx.t('result.again')}
          </a>
        </p>
      </div>,
    );
  };

  const showResult = async (
    c: Context<AppEnv>,
    email: { saved: boolean; error?: string; value?: string },
    status: 200 | 422 = 200,
    action = 'read',
  ) => {
    const { token, found } = await loadResult(c, action);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const p = triage.pathways.get(found.assessment.pathwayId)!;
    const d = await directory.get();
    const base = ctx.href(`/self-check/r/${token}`);
    const title = titleWithErrors(
      ctx,
      ctx.t(`result.title.${found.assessment.disposition}`),
      email.error ? [1] : [],
    );
    return renderPage(
      c,
      ctx,
      { title, noindex: true, status },
      <ResultPage
        ctx={ctx}
        a={found.assessment}
        p={p}
        plan={buildPlan(p, found.assessment.answers, ctx.locale)}
        locations={d.locations}
        checkIns={found.checkIns}
        now={triage.now()}
        base={base}
        privateUrl={`${s.publicUrl}${base}`}
        email={{ ...email, saved: email.saved || Boolean(found.assessment.email) }}
        current={currentDisposition(found.assessment, found.checkIns)}
      />,
    );
  };

  pages.get('/self-check/r/:token', (c) => showResult(c, { saved: false }));

  pages.post('/self-check/r/:token/email', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const ctx = await contextFor(c, site);
    if (!EMAIL.test(email) || hasControlCharacters(email) || email.length > 254) {
      return showResult(
        c,
        { saved: false, error: ctx.t('result.checkin.email.invalid'), value: email },
        422,
        'read',
      );
    }
    const { token, found } = await loadResult(c, 'read');
    if (!found) return notFoundResult(c);
    const a = found.assessment;
    if (a.disposition === 'self-care' && a.checkInDueAt && !a.email) {
      const link = `${s.publicUrl}${ctx.href(`/self-check/r/${token}/check-in`)}`;
      const network = await s.networkName();
      const text = ctx.t('mail.checkin.body', { link });
      await triage.db.transaction(async (tx) => {
        await setAssessmentEmail(tx, a.id, email);
        await enqueueMessage(tx, {
          dedupeKey: checkInMessageKey(a.id),
          kind: 'self-check-check-in',
          recipient: email,
          language: ctx.locale,
          subject: ctx.t('mail.checkin.subject', { network }),
          text,
          html: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n\n/g, '</p><p>')}</p>`,
          notBefore: a.checkInDueAt!,
        });
        await recordAudit(tx, {
          ...actorOf(c, 'patient'),
          action: 'update',
          entityType: 'assessment',
          entityId: a.id,
          outcome: 'success',
          detail: { field: 'email' },
        });
      });
    }
    return c.redirect(ctx.href(`/self-check/r/${token}`) + '#checkin', 303);
  });

  // Booking from a result: the result's token travels in a cookie (not the URL) so the booking
  // can attach the self-check as the pre-visit intake. An emergency result offers no booking.
  pages.get('/self-check/r/:token/book', async (c) => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const d = currentDisposition(found.assessment, found.checkIns);
    if (d === 'emergency') return c.redirect(ctx.href(`/self-check/r/${token}`), 303);
    setPrivateCookie(c, INTAKE_COOKIE, token, 24 * 3600, s.secureCookies);
    const visitType = d === 'urgent' ? 'back-pain-visit' : 'new-patient-pain-consultation';
    return c.redirect(`${ctx.href('/book')}?visitType=${visitType}#times`, 303);
  });

  pages.get('/self-check/r/:token/plan', async (c) => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const p = triage.pathways.get(found.assessment.pathwayId)!;
    return renderPage(
      c,
      ctx,
      { title: ctx.t('plan.title'), noindex: true },
      <PlanPage
        ctx={ctx}
        a={found.assessment}
        p={p}
        plan={buildPlan(p, found.assessment.answers, ctx.locale)}
        base={ctx.href(`/self-check/r/${token}`)}
      />,
    );
  });

  const checkInRoute = async (c: Context<AppEnv>, method: 'GET' | 'POST') => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const p = deployedPathway(triage, found.assessment.pathwayId)!;
    const base = ctx.href(`/self-check/r/${token}`);
    const daysSince = (triage.now().getTime() - found.assessment.createdAt.getTime()) / 86_400_000;
    const page = (error: string | undefined, chosen: { improving?: string; signs: string[] }) =>
      renderPage(
        c,
        ctx,
        {
          title: titleWithErrors(ctx, ctx.t('checkin.title'), error ? [1] : []),
          noindex: true,
          status: error ? 422 : 200,
        },
        <CheckInPage ctx={ctx} p={p} base={base} daysSince={daysSince} error={error} chosen={chosen} />,
      );
    if (method === 'GET') return page(undefined, { signs: [] });
    const form = await c.req.parseBody({ all: true });
    const improving = typeof form.improving === 'string' ? form.improving : undefined;
    const signs = ([] as unknown[])
      .concat(form.signs ?? [])
      .filter((x): x is string => typeof x === 'string');
    if (!improving || !['better', 'same', 'worse'].includes(improving)) {
      return page(ctx.t('checkin.error.improving'), { signs });
    }
    let checkInId: string;
    try {
      ({ id: checkInId } = await recordCheckIn(
        triage,
        found.assessment,
        { improving: improving as 'better', newSigns: signs },
        actorOf(c, 'patient'),
      ));
    } catch (error) {
      if (error instanceof ValidationFailed) return page(ctx.t('sc.error.choice'), { improving, signs: [] });
      throw error;
    }
    return c.redirect(`${base}/check-ins/${checkInId}`, 303);
  };
  pages.get('/self-check/r/:token/check-in', (c) => checkInRoute(c, 'GET'));
  pages.post('/self-check/r/:token/check-in', (c) => checkInRoute(c, 'POST'));

  pages.get('/self-check/r/:token/check-ins/:id', async (c) => {
    const { token, found } = await loadResult(c);
    const latest = found?.checkIns.find((x) => x.id === c.req.param('id'));
    if (!found || !latest) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    return renderPage(
      c,
      ctx,
      { title: ctx.t(`result.title.${latest.disposition}`), noindex: true },
      <CheckInDonePage ctx={ctx} checkIn={latest} base={ctx.href(`/self-check/r/${token}`)} />,
    );
  });

  return pages;
}
