/**
 * A self-check result at its private link (/self-check/r/<token>): the result page, the printable
 * plan, the reminder email, booking with the result as intake, changing an emergency answer given
 * by mistake, the optional questions after the result, and the self-care check-in. The token is
 * the only key; every read of the result is audited by readAssessmentByToken.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { recordAudit } from '../audit/index.js';
import type { DirectoryService } from '../directory/index.js';
import type { AppEnv } from '../platform/http/app-env.js';
import { readCookie, setPrivateCookie } from '../platform/http/cookies.js';
import { NotFound, ValidationFailed } from '../platform/http/problem.js';
import { actorOf } from '../platform/http/request-context.js';
import { enqueueMessage, textToHtml } from '../notifications/index.js';
import { hasControlCharacters } from '../platform/text.js';
import { TOKEN_PATTERN } from '../platform/tokens.js';
import { titleWithErrors } from '../platform/views/forms.js';
import { contextFor, renderPage, type Site } from '../platform/views/render.js';
import { handIntakeToBooking } from '../scheduling/index.js';
import {
  checkInOpen,
  currentDisposition,
  pathwayOf,
  readAssessmentByToken,
  recordCheckIn,
  recordFollowUpAnswers,
  type Triage,
} from './assessment-service.js';
import { setAssessmentEmail } from './assessment-store.js';
import { CheckInClosedPage, CheckInDonePage, CheckInPage } from './check-in-views.js';
import { DRAFT_COOKIE, discardDraft, findDraftByCookie, startDraft } from './draft-service.js';
import { buildPlan } from './plan.js';
import { prepareInstruments, PreparePage, readPrepareForm } from './prepare-views.js';
import { PlanPage, ResultPage } from './result-views.js';
import type { SelfCheckSettings } from './self-check-pages.js';
import { checkInMessageKey } from './triage-jobs.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function resultPages(
  triage: Triage,
  directory: DirectoryService,
  site: Site,
  s: SelfCheckSettings,
): Hono<AppEnv> {
  const pages = new Hono<AppEnv>();

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
  ) => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const a = found.assessment;
    const p = pathwayOf(triage, a);
    const d = await directory.get();
    const base = ctx.href(`/self-check/r/${token}`);
    const current = currentDisposition(a, found.checkIns);
    // The page title always names where the person stands now, after any check-in.
    const title = titleWithErrors(ctx, ctx.t(`result.title.${current}`), email.error ? [1] : []);
    const instruments = prepareInstruments(p, ctx.locale);
    const freeToday = current === 'urgent' && s.freeTimesToday ? await s.freeTimesToday() : undefined;
    return renderPage(
      c,
      ctx,
      { title, noindex: true, status },
      <ResultPage
        ctx={ctx}
        a={a}
        p={p}
        plan={buildPlan(p, a.answers, ctx.locale, current)}
        locations={d.locations}
        checkIns={found.checkIns}
        now={triage.now()}
        base={base}
        privateUrl={`${s.publicUrl}${base}`}
        email={{ ...email, saved: email.saved || Boolean(a.email) }}
        current={current}
        freeToday={freeToday}
        changeAction={a.source === 'web' && current === 'emergency' ? `${base}/change` : undefined}
        prepare={
          instruments.available.length
            ? {
                href: `${base}/questions`,
                answered: found.checkIns.some((x) => x.kind === 'questions'),
                englishOnly: instruments.englishOnly,
              }
            : undefined
        }
      />,
    );
  };

  pages.get('/self-check/r/:token', (c) => showResult(c, { saved: false }));

  pages.post('/self-check/r/:token/email', async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const ctx = await contextFor(c, site);
    if (!EMAIL.test(email) || hasControlCharacters(email) || email.length > 254) {
      return showResult(c, { saved: false, error: ctx.t('result.checkin.email.invalid'), value: email }, 422);
    }
    const { token, found } = await loadResult(c);
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
          html: textToHtml(text),
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
    handIntakeToBooking(c, token, s.secureCookies);
    // The network names the visit types a result leads to; without one, the booking page asks.
    const kinds = (await directory.get()).network.selfCheckVisitTypes;
    const visitType = d === 'urgent' ? kinds.sameDay : kinds.visit;
    return c.redirect(
      visitType ? `${ctx.href('/book')}?visitType=${visitType}#times` : ctx.href('/book'),
      303,
    );
  });

  pages.get('/self-check/r/:token/plan', async (c) => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const p = pathwayOf(triage, found.assessment);
    const current = currentDisposition(found.assessment, found.checkIns);
    return renderPage(
      c,
      ctx,
      { title: ctx.t('plan.title'), noindex: true },
      <PlanPage
        ctx={ctx}
        a={found.assessment}
        p={p}
        plan={buildPlan(p, found.assessment.answers, ctx.locale, current)}
        base={ctx.href(`/self-check/r/${token}`)}
      />,
    );
  });

  // "I answered by mistake": a new draft holding the answers given, opened at the emergency
  // question. The result stays stored as it was made; changing the answer makes a new result.
  pages.post('/self-check/r/:token/change', async (c) => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const a = found.assessment;
    const reason = a.reasons.find((r) => r.disposition === 'emergency');
    if (a.source !== 'web' || !reason) return c.redirect(ctx.href(`/self-check/r/${token}`), 303);
    const old = await findDraftByCookie(triage, readCookie(c, DRAFT_COOKIE));
    if (old) await discardDraft(triage, old.id);
    const draftSettings = { ttlMinutes: s.draftTtlMinutes };
    const { cookie } = await startDraft(triage, draftSettings, a.pathwayId, a.answers, actorOf(c, 'patient'));
    setPrivateCookie(c, DRAFT_COOKIE, cookie, s.draftTtlMinutes * 60, s.secureCookies);
    return c.redirect(ctx.href(`/self-check/q/${reason.linkId}`), 303);
  });

  const prepareRoute = async (c: Context<AppEnv>, method: 'GET' | 'POST') => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const a = found.assessment;
    const p = pathwayOf(triage, a);
    const base = ctx.href(`/self-check/r/${token}`);
    const { available } = prepareInstruments(p, ctx.locale);
    const current = currentDisposition(a, found.checkIns);
    if (!available.length || current === 'emergency') throw new NotFound();
    const done = found.checkIns.some((x) => x.kind === 'questions');
    const page = (errors: { href: string; message: string }[], values: Record<string, string>) =>
      renderPage(
        c,
        ctx,
        {
          title: titleWithErrors(ctx, ctx.t('prepare.title'), errors),
          noindex: true,
          status: errors.length ? 422 : 200,
        },
        <PreparePage
          ctx={ctx}
          p={p}
          instruments={available}
          base={base}
          errors={errors}
          values={values}
          done={done}
        />,
      );
    if (method === 'GET' || done) return page([], {});
    const form = await c.req.parseBody();
    const read = readPrepareForm(ctx, p, available, form);
    if ('errors' in read) return page(read.errors, read.values);
    await recordFollowUpAnswers(triage, a, read.answers, actorOf(c, 'patient'));
    return c.redirect(`${base}#prepare`, 303);
  };
  pages.get('/self-check/r/:token/questions', (c) => prepareRoute(c, 'GET'));
  pages.post('/self-check/r/:token/questions', (c) => prepareRoute(c, 'POST'));

  const checkInRoute = async (c: Context<AppEnv>, method: 'GET' | 'POST') => {
    const { token, found } = await loadResult(c);
    if (!found) return notFoundResult(c);
    const ctx = await contextFor(c, site);
    const a = found.assessment;
    const p = pathwayOf(triage, a);
    const base = ctx.href(`/self-check/r/${token}`);
    const closed = checkInOpen(a, triage.now());
    if (closed) {
      const title = ctx.t(closed.code === 'no_check_in' ? 'checkin.none.title' : 'checkin.notYet.title');
      return renderPage(
        c,
        ctx,
        { title, noindex: true, status: method === 'POST' ? 409 : 200 },
        <CheckInClosedPage ctx={ctx} reason={closed.code} dueAt={closed.dueAt} base={base} />,
      );
    }
    const daysSince = (triage.now().getTime() - a.createdAt.getTime()) / 86_400_000;
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
        a,
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
    const current = currentDisposition(found.assessment, found.checkIns);
    return renderPage(
      c,
      ctx,
      { title: ctx.t(`result.title.${current}`), noindex: true },
      <CheckInDonePage
        ctx={ctx}
        checkIn={latest}
        current={current}
        base={ctx.href(`/self-check/r/${token}`)}
      />,
    );
  });

  return pages;
}
