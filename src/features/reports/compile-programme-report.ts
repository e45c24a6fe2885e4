import type { Actor } from '../../core/auth/actor.ts';
import type { AppContext } from '../../core/http/types.ts';
import { listUnitFairsOfYear } from '../fairs/index.ts';
import { buildPlanDetail, listUnitPlansOfYear } from '../plans/index.ts';
import { computeTrainingCoverage, countAttendedByAudience, listUnitTrainingsOfYear, resolveReportUnit } from '../training/index.ts';
import type { ProgrammeReport } from './reports.schemas.ts';

const noCounts = { provinceOfficials: 0, communeOfficials: 0, producers: 0, other: 0 };

/**
 * What a unit reports on these steps of the cycle for a year: trainings held and people trained by
 * audience, the progress of its plans, the fairs and their revenue. Same access as training coverage.
 */
export async function compileProgrammeReport(
  ctx: AppContext,
  actor: Actor,
  query: { province?: string | undefined; commune?: string | undefined; year?: number | undefined },
): Promise<ProgrammeReport> {
  const { unit, year } = await resolveReportUnit(ctx, actor, query);
  const sql = ctx.db.pool;
  const coverage = await computeTrainingCoverage(sql, unit, year);
  const trainings = await listUnitTrainingsOfYear(sql, unit, year);
  const attended = await countAttendedByAudience(sql, trainings.map((t) => t.id));
  const plans = await Promise.all((await listUnitPlansOfYear(sql, unit, year)).map((plan) => buildPlanDetail(sql, ctx.clock, plan)));
  const fairs = await listUnitFairsOfYear(sql, unit, year);
  const byScope = { in_province: 0, out_of_province: 0, international: 0 };
  for (const fair of fairs) byScope[fair.scope] += 1;

  return {
    provinceCode: unit.provinceCode,
    communeCode: unit.communeCode,
    unitName: unit.name,
    year,
    generatedAt: ctx.clock.now(),
    training: {
      producers: coverage.producers,
      peopleTrained: coverage.peopleTrained,
      trainings: trainings.map((training) => {
        const counts = attended.get(training.id) ?? { ...noCounts, trainingId: training.id };
        return {
          id: training.id,
          title: training.title,
          organiserName: training.organiserName,
          startsOn: training.startsOn,
          endsOn: training.endsOn,
          place: training.place,
          topics: training.topics.map((topic) => topic.name),
          sessions: training.sessionCount,
          registered: training.participantCount,
          attended: {
            provinceOfficials: counts.provinceOfficials,
            communeOfficials: counts.communeOfficials,
            producers: counts.producers,
            other: counts.other,
            total: counts.provinceOfficials + counts.communeOfficials + counts.producers + counts.other,
          },
        };
      }),
    },
    plans: plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      legalReference: plan.legalReference,
      status: plan.status,
      warnings: plan.warnings.map((w) => w.message),
      indicators: plan.indicators.map((indicator) => ({
        label: indicator.label,
        productName: indicator.productName,
        starRating: indicator.starRating,
        unit: indicator.unit,
        targetValue: indicator.targetValue,
        achieved: indicator.progress.achieved,
        percent: indicator.progress.percent,
        status: indicator.status,
        source: indicator.progress.source,
        evidence: indicator.progress.evidence ?? indicator.progress.note,
      })),
    })),
    fairs: {
      count: fairs.length,
      byScope,
      participations: fairs.reduce((sum, fair) => sum + fair.participantCount, 0),
      visitors: fairs.reduce((sum, fair) => sum + fair.totalVisitors, 0),
      revenueVnd: fairs.reduce((sum, fair) => sum + fair.totalRevenueVnd, 0),
      items: fairs.map((fair) => ({
        id: fair.id,
        name: fair.name,
        scope: fair.scope,
        startsOn: fair.startsOn,
        endsOn: fair.endsOn,
        place: fair.place,
        participantCount: fair.participantCount,
        totalVisitors: fair.totalVisitors,
        totalRevenueVnd: fair.totalRevenueVnd,
      })),
    },
  };
}
