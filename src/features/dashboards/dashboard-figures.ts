import type { Actor } from '../../core/auth/actor.ts';
import { addDays, startOfLocalDate, type LocalDate } from '../../core/clock/index.ts';
import type { AppContext } from '../../core/http/types.ts';
import { countPlansOfYear, planVisibility } from '../business-plans/index.ts';
import { countCertificateFigures } from '../certificates/index.ts';
import { countDossiersSubmittedBetween, countForwardedOnTimeTotal, dossierVisibility } from '../dossiers/index.ts';
import { countIdeaFunnel } from '../ideas/index.ts';
import { buildPlanDetail, listUnitPlansOfYear } from '../plans/index.ts';
import { computeTrainingCoverage, percentOf } from '../training/index.ts';
import { seesCertificateFigures, seesProgrammeFigures, unitOf, type DashboardScope } from './dashboards.policy.ts';
import type { DashboardFigures } from './dashboards.schemas.ts';

const none: DashboardFigures = { productsByStar: null, certificates: null, reEvaluationRate: null, dossiersOnTime: null, funnel: null, training: null, plans: null };

/**
 * The key figures of the actor's scope for a year, on `asOf` (today for this year, 31/12 for a past
 * one), each with the back-office list behind it. The definitions are in docs/dashboards.md.
 */
export async function computeDashboardFigures(ctx: AppContext, actor: Actor, scope: DashboardScope, year: number, asOf: LocalDate): Promise<DashboardFigures> {
  const sql = ctx.db.pool;
  const yearStart: LocalDate = `${year}-01-01`;
  const figures: DashboardFigures = { ...none };

  if (seesCertificateFigures(actor)) {
    const range = { from: startOfLocalDate(yearStart), until: startOfLocalDate(addDays(asOf, 1)) };
    // The programme's counts run beside the certificates' (each on its own pooled connection).
    const programme = seesProgrammeFigures(actor)
      ? Promise.all([
          countIdeaFunnel(sql, { year, provinceCode: scope.provinceCode, communeCode: scope.communeCode }),
          countPlansOfYear(sql, planVisibility(actor), year),
          countDossiersSubmittedBetween(sql, dossierVisibility(actor)!, range),
          countForwardedOnTimeTotal(sql, dossierVisibility(actor)!, range),
        ])
      : null;
    const c = await countCertificateFigures(sql, scope, asOf, yearStart);
    const star = (stars: 3 | 4 | 5) => ({ value: c.inForce[stars], link: `/admin/certificates?star=${stars}&status=in_force` });
    figures.productsByStar = { three: star(3), four: star(4), five: star(5), total: c.inForce[3] + c.inForce[4] + c.inForce[5] };
    const status = (name: 'valid' | 'expiring' | 'extended' | 'expired' | 'revoked') => ({ value: c[name], link: `/admin/certificates?status=${name}` });
    figures.certificates = { valid: status('valid'), expiring: status('expiring'), extended: status('extended'), expired: status('expired'), revoked: status('revoked') };
    figures.reEvaluationRate = {
      numerator: c.reEvaluatedOfExpired,
      denominator: c.expiredInYear,
      percent: percentOf(c.reEvaluatedOfExpired, c.expiredInYear),
      link: '/admin/certificates?status=expired',
    };
    if (programme) {
      const [ideas, plans, filed, onTime] = await programme;
      figures.funnel = {
        ideas: { value: ideas.registered, link: `/admin/ideas?year=${year}` },
        businessPlans: { value: plans, link: `/admin/business-plans?year=${year}` },
        dossiers: { value: filed, link: '/admin/dossiers' },
        recognised: { value: c.recognisedInYear, link: '/admin/certificates' },
      };
      figures.dossiersOnTime = {
        numerator: onTime.onTime,
        denominator: onTime.forwarded,
        percent: percentOf(onTime.onTime, onTime.forwarded),
        link: '/admin/dossiers?status=forwarded_to_province',
      };
    }
  }

  const unit = unitOf(actor);
  if (unit) {
    const [coverage, unitPlans] = await Promise.all([computeTrainingCoverage(sql, unit, year), listUnitPlansOfYear(sql, unit, year)]);
    figures.training = { producers: coverage.producers.total, trained: coverage.producers.trained, percent: coverage.producers.percent, link: '/admin/trainings' };
    const plans = await Promise.all(unitPlans.map((plan) => buildPlanDetail(sql, ctx.clock, plan)));
    figures.plans = plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      link: `/admin/annual-plans/${plan.id}`,
      status: plan.status,
      indicators: plan.indicators.map((indicator) => ({
        kind: indicator.kind,
        label: indicator.label,
        target: indicator.targetValue,
        unit: indicator.unit,
        achieved: indicator.progress.achieved,
        percent: indicator.progress.percent,
        status: indicator.status,
      })),
    }));
  }
  return figures;
}
