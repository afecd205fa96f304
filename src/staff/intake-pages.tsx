/**
 * The provider's view of a visit's pre-visit intake, built from the self-check (printable).
 */
import { locationById, providerById } from '../directory/index.js';
import { recordAudit } from '../audit/index.js';
import { NotFound } from '../platform/http/problem.js';
import { findAssessment, listCheckIns, currentDisposition, pathwayOf } from '../triage/index.js';
import { buildIntake } from './intake.js';

import type { Hono } from 'hono';
import { readsIntake } from './roles.js';
import { named, staffLocale, t, type StaffEnv, type StaffKit } from './staff-kit.js';
import { birthDate, dayInSentence, dayInZone, timeInZone } from '../platform/i18n/format.js';
import type { IntakeLine } from './intake.js';

export function intakeRoutes(pages: Hono<StaffEnv>, kit: StaffKit) {
  const { db, now, page, staffActor, visibleAppointment, deps } = kit;
  const { triage } = deps;
  // ---------------------------------------------------------------- the intake

  pages.get('/staff/appointments/:id/intake', async (c) => {
    const session = c.get('staff');
    const a = await visibleAppointment(c, c.req.param('id'), 'read-intake');
    // Providers read their own patients' intakes; network administrators too. The front desk and
    // clinic managers see only that one exists.
    const assessment = a.assessmentId ? await findAssessment(db, a.assessmentId, now()) : undefined;
    if (!readsIntake(session.user) || !assessment) {
      await recordAudit(db, {
        ...staffActor(c),
        action: 'read-intake',
        entityType: 'assessment',
        entityId: a.assessmentId,
        outcome: assessment ? 'denied' : 'not-found',
      });
      throw new NotFound();
    }
    await recordAudit(db, {
      ...staffActor(c),
      action: 'read-intake',
      entityType: 'assessment',
      entityId: assessment.id,
      outcome: 'success',
      detail: { appointment: a.id },
    });
    const checkIns = await listCheckIns(db, assessment.id);
    const p = pathwayOf(triage, assessment);
    const current = currentDisposition(assessment, checkIns);
    const startBack = p.instruments.find((i) => i.id === 'start-back');
    const startBackNotInLanguage = Boolean(
      startBack?.languages && !startBack.languages.includes(assessment.language),
    );
    const intake = buildIntake(
      p,
      assessment.answers,
      assessment.scores,
      { yes: t('sc.yes'), no: t('sc.no'), notAsked: t('sc.check.notAnswered') },
      staffLocale(),
    );
    // Every time on the page in the visit's clinic's zone, as the clinician reads the day.
    const d = await kit.scheduling.directory.get();
    const location = locationById(d, a.locationId)!;
    const provider = providerById(d, a.providerId)!;
    const at = (when: Date, day = dayInZone) =>
      `${day(staffLocale(), when.getTime(), location.timeZone)}, ${timeInZone(staffLocale(), when.getTime(), location.timeZone)}`;
    const Lines = ({ lines, mark = false }: { lines: IntakeLine[]; mark?: boolean }) => (
      <table class="intake-lines">
        <tbody>
          {lines.map((l) => (
            <tr class={mark && l.positive ? 'positive' : undefined}>
              <th scope="row">{l.question}</th>
              <td>
                <strong>{l.answer}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
    const positives = intake.redFlags.filter((l) => l.positive).length;
    return page(
      c,
      t('staff.intake.title'),
      <div>
        <h1>
          {t('staff.intake.title')}: {a.patient.givenName} {a.patient.familyName}
        </h1>
        <dl class="summary-list intake-head">
          <div>
            <dt>{t('staff.col.birthDate')}</dt>
            <dd>{birthDate(staffLocale(), a.patient.birthDate)}</dd>
          </div>
          <div>
            <dt>{t('staff.intake.visit')}</dt>
            <dd>
              {at(a.startsAt)} · {location.name} · {provider.displayName}
            </dd>
          </div>
        </dl>
        <p>
          <button class="button secondary" type="button" data-print hidden>
            {t('staff.intake.print')}
          </button>
        </p>
        {current !== assessment.disposition ? (
          <p class="inset-warning" role="status">
            <strong>{t('staff.intake.now', { result: t(`result.title.${current}`) })}</strong>
          </p>
        ) : null}
        <h2>{t('staff.intake.result')}</h2>
        <p>
          <span class={`status status-${assessment.disposition}`}>
            {t(`result.title.${assessment.disposition}`)}
          </span>
          .{' '}
          {t('staff.intake.pathway', {
            title: named(p.title),
            version: assessment.pathwayVersion,
            when: at(assessment.createdAt, dayInSentence),
          })}
        </p>
        <ul>
          {assessment.reasons.map((r) => (
            <li>{named(r.text)}</li>
          ))}
        </ul>
        {assessment.complete ? null : <p class="hint">{t('staff.intake.shortened')}</p>}
        <h2>{t('staff.intake.redFlags')}</h2>
        <p class={positives ? 'intake-positive-count' : undefined}>
          {positives ? t('staff.intake.positives', { n: positives }) : t('staff.intake.noPositives')}
        </p>
        <Lines lines={intake.redFlags} mark />
        <h2>{t('staff.intake.history')}</h2>
        <Lines lines={intake.course} />
        <h2>{t('staff.intake.cautions')}</h2>
        <Lines lines={intake.cautions} />
        <h2>{t('staff.intake.scores')}</h2>
        {startBackNotInLanguage ? <p class="hint">{t('staff.intake.noStartBackInSpanish')}</p> : null}
        <ul>
          {!intake.scores.peg && !intake.scores.startBack ? <li>{t('result.scores.none')}</li> : null}
          {intake.scores.peg ? <li>PEG {intake.scores.peg.score}/10</li> : null}
          {intake.scores.startBack ? (
            <li>
              STarT Back {intake.scores.startBack.total}/9, psychosocial{' '}
              {intake.scores.startBack.psychosocial}/5, {intake.scores.startBack.risk} risk
            </li>
          ) : null}
        </ul>
        <h2>{t('staff.intake.checkIns')}</h2>
        {checkIns.length === 0 ? (
          <p>{t('staff.intake.noCheckIns')}</p>
        ) : (
          <ul>
            {checkIns.map((x) => (
              <li>
                {at(x.createdAt)}: {x.kind === 'questions' ? t('staff.intake.followUp') : x.improving},{' '}
                {x.disposition}
                {x.newSigns.length ? ` (${x.newSigns.join(', ')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </div>,
      200,
      session,
    );
  });
}
