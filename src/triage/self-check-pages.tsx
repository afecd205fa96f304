/**
 * The self-check on the web: one question per page, emergency screen first, answers kept in a
 * server-side draft, "check your answers", then the result at its private link. Works fully
 * without JavaScript (plain forms, POST-redirect-GET).
 */
import type { Context } from 'hono';
import { actorOf } from '../platform/http/request-context.js';
import { Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { clearCookie, readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import { NotFound } from '../platform/http/problem.js';
import { TOKEN_PATTERN } from '../platform/tokens.js';
import { titleWithErrors } from '../platform/views/forms.js';
import type { PageContext } from '../platform/views/page-context.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { createAssessment, deployedPathway, type Triage } from './assessment-service.js';
import {
  DRAFT_COOKIE,
  discardDraft,
  findDraftByCookie,
  saveDraftAnswers,
  startDraft,
} from './draft-service.js';
import { answeredItems, nextStep, parseFormValue, pruneAnswers, type Answers } from './engine.js';
import type { Item, Pathway } from './pathway.js';
import { CheckAnswersPage, FinishedPage, formValue, QuestionPage, StartPage } from './question-views.js';

export const PATHWAY = 'low-back-pain';
/**
 * Set when a self-check ends: holds the result's private token (HttpOnly, never in a URL) so
 * that the browser's Back button, landing on a question of the finished self-check, can say
 * what happened and link to the result instead of a blank start page.
 */
export const FINISHED_COOKIE = 'cp_selfcheck_done';
const FINISHED_SECONDS = 24 * 3600;

export interface SelfCheckSettings {
  draftTtlMinutes: number;
  publicUrl: string;
  secureCookies: boolean;
  retentionDays: number;
  networkName: () => Promise<string>;
  /** How many same-day visits are still free today across the network (for "see a doctor today"). */
  freeTimesToday?: () => Promise<number>;
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

export function selfCheckPages(triage: Triage, site: Site, s: SelfCheckSettings): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();
  const pathway = (): Pathway => deployedPathway(triage, PATHWAY)!;
  const draftSettings = { ttlMinutes: s.draftTtlMinutes };

  const loadDraft = (c: Context) => findDraftByCookie(triage, readCookie(c, DRAFT_COOKIE));

  /** Where a question's back link goes: the question answered before it, or the start page. */
  const previousHref = (ctx: PageContext, p: Pathway, answers: Answers, item: Item) => {
    const before = answeredItems(p, answers).filter((x) => p.items.indexOf(x) < p.items.indexOf(item));
    return before.length ? ctx.href(`/self-check/q/${before.at(-1)!.linkId}`) : ctx.href('/self-check');
  };

  /** No draft: a finished self-check (Back after the result) says so; otherwise start again. */
  const noDraft = async (c: Context<AppEnv>, ctx: PageContext) => {
    const token = readCookie(c, FINISHED_COOKIE);
    if (!token || !TOKEN_PATTERN.test(token)) return c.redirect(`${ctx.href('/self-check')}?expired=1`, 303);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('sc.done.title'), noindex: true },
      <FinishedPage ctx={ctx} resultHref={ctx.href(`/self-check/r/${token}`)} />,
    );
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
    setPrivateCookie(c, FINISHED_COOKIE, token, FINISHED_SECONDS, s.secureCookies);
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
    const { cookie } = await startDraft(triage, draftSettings, PATHWAY, {}, actorOf(c, 'patient'));
    setPrivateCookie(c, DRAFT_COOKIE, cookie, s.draftTtlMinutes * 60, s.secureCookies);
    clearCookie(c, FINISHED_COOKIE, s.secureCookies);
    const step = nextStep(pathway(), {});
    return c.redirect(ctx.href(`/self-check/q/${step.kind === 'question' ? step.item.linkId : ''}`), 303);
  });

  const questionRoute = async (c: Context<AppEnv>, method: 'GET' | 'POST') => {
    const ctx = await contextFor(c, site);
    const p = pathway();
    const linkId = c.req.param('linkId') ?? '';
    const known = p.items.find((i) => i.linkId === linkId && !i.instrument);
    if (!known) throw new NotFound();
    const draft = await loadDraft(c);
    if (!draft) return noDraft(c, ctx);
    const answered = answeredItems(p, draft.answers);
    const step = nextStep(p, draft.answers);
    // No skipping ahead: only answered questions and the next one can be opened.
    const item =
      answered.find((i) => i.linkId === linkId) ??
      (step.kind === 'question' && step.item.linkId === linkId ? step.item : undefined);
    if (!item) {
      const to = step.kind === 'question' ? `/self-check/q/${step.item.linkId}` : '/self-check/check';
      return c.redirect(ctx.href(to), 303);
    }
    const index = answered.filter((x) => p.items.indexOf(x) < p.items.indexOf(item)).length;
    const total = Math.max(step.kind === 'question' ? step.total : answered.length, index + 1);
    const change = c.req.query('change') === '1';
    const action = ctx.href(`/self-check/q/${linkId}`) + (change ? '?change=1' : '');
    const backHref = change ? ctx.href('/self-check/check') : previousHref(ctx, p, draft.answers, item);
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
          total={total}
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
    if (!draft) return noDraft(c, ctx);
    const step = nextStep(p, draft.answers);
    if (step.kind === 'question') return c.redirect(ctx.href(`/self-check/q/${step.item.linkId}`), 303);
    await recordAudit(triage.db, {
      ...actorOf(c, 'patient'),
      action: 'read',
      entityType: 'questionnaire-draft',
      entityId: draft.id,
      outcome: 'success',
    });
    const items = answeredItems(p, draft.answers);
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
    if (!draft) return noDraft(c, ctx);
    const step = nextStep(p, draft.answers);
    if (step.kind === 'question') return c.redirect(ctx.href(`/self-check/q/${step.item.linkId}`), 303);
    return finish(c, ctx, draft.answers, draft.id);
  });

  return pages;
}
