import type { Actor } from '../../core/auth/actor.ts';
import { startOfLocalDate, addDays, today as todayOf, type LocalDate } from '../../core/clock/index.ts';
import type { AppContext } from '../../core/http/types.ts';
import { revocationGroundLabels, type RevocationGround } from '../certificates/index.ts';
import { listUnitFairsOfYear } from '../fairs/index.ts';
import { buildPlanDetail, listUnitPlansOfYear } from '../plans/index.ts';
import { computeTrainingCoverage, countAttendedByAudience, listUnitTrainingsOfYear, percentOf, resolveReportUnit } from '../training/index.ts';
import { buildBreakdown, certificateKind, change, drillDown, figure, latestPerProduct, monthsAhead } from './report-figures.ts';
import { FIRST_REPORT_YEAR, describePeriod, previousPeriod, resolvePeriod, type ReportPeriod } from './report-period.ts';
import { canReadNationalReport } from './reports.policy.ts';
import * as repository from './reports.repository.ts';
import type { ReportScope } from './reports.repository.ts';
import type { ProgrammeReport, ReportQuery } from './reports.schemas.ts';

const noCounts = { provinceOfficials: 0, communeOfficials: 0, producers: 0, other: 0 };
const NATIONAL_BODY = 'BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG';

interface ReportUnit {
  level: 'nation' | 'province' | 'commune';
  scope: ReportScope;
  name: string;
  issuingBody: string;
}

/**
 * The unit asked for: the nation for the ministry (or an administrator) asking for no province;
 * otherwise a province or commune, checked by training's resolveReportUnit (unknown → 400, outside the
 * caller's scope → 404 like a missing one, a role that reads no report → 403).
 */
async function resolveUnit(ctx: AppContext, actor: Actor, query: ReportQuery): Promise<ReportUnit> {
  if (!query.province && !query.commune && canReadNationalReport(actor)) {
    return { level: 'nation', scope: { provinceCode: null, communeCode: null }, name: 'Toàn quốc', issuingBody: NATIONAL_BODY };
  }
  const { unit } = await resolveReportUnit(ctx, actor, { province: query.province, commune: query.commune });
  const ownName = unit.name.split(', ')[0]!;
  return {
    level: unit.communeCode ? 'commune' : 'province',
    scope: { provinceCode: unit.provinceCode, communeCode: unit.communeCode },
    name: unit.name,
    issuingBody: `ỦY BAN NHÂN DÂN ${ownName.toLocaleUpperCase('vi')}`,
  };
}

const dayRange = (period: ReportPeriod) => ({ from: startOfLocalDate(period.from), until: startOfLocalDate(addDays(period.asOf, 1)) });

/** The figures of one period (the report's own, and the previous one's for the comparison). */
async function countPeriod(ctx: AppContext, unit: ReportUnit, period: ReportPeriod) {
  const sql = ctx.db.pool;
  const range = dayRange(period);
  const [issued, counts, revocations, rounds, funnel] = await Promise.all([
    repository.listCertificatesIssued(sql, unit.scope, period.from, period.asOf),
    repository.countCertificates(sql, unit.scope, period.from, period.asOf),
    repository.countRevocationsByGround(sql, unit.scope, period.from, period.asOf),
    repository.countRounds(sql, unit.scope, { ...range, fromDay: period.from, asOf: period.asOf }),
    repository.countFunnel(sql, unit.scope, range),
  ]);
  return { issued, counts, revocations, rounds, funnel };
}

/**
 * The programme report (Báo cáo kết quả thực hiện Chương trình OCOP) of a commune, a province or the
 * nation for a period: recognitions in the period and cumulatively, broken down by star, sector and
 * product set, legal form and unit; certificates issued, expiring, expired, re-evaluated, upgraded and
 * revoked; evaluation rounds; the idea → plan → dossier funnel and the on-time rate; training, plans and
 * fairs of the year; the comparison with the previous period. Definitions: docs/programme-report.md.
 */
export async function compileProgrammeReport(ctx: AppContext, actor: Actor, query: ReportQuery): Promise<ProgrammeReport> {
  const unit = await resolveUnit(ctx, actor, query);
  const today: LocalDate = todayOf(ctx.clock);
  const period = resolvePeriod(query, today);
  const previous = previousPeriod(period, today);
  const sql = ctx.db.pool;
  const scopeQuery = { province: unit.scope.provinceCode, commune: unit.scope.communeCode };
  const issuedLink = (extra: Record<string, string | number | null>) =>
    drillDown('/api/certificates', { ...extra, issuedFrom: period.from, issuedTo: period.asOf });
  const inForceLink = (extra: Record<string, string | number | null>) => drillDown('/api/certificates', { ...extra, inForceOn: period.asOf });

  const months = monthsAhead(period.asOf, EXPIRY_MONTHS);
  const [current, before, inForce, salesPoints, byYear, expiries] = await Promise.all([
    countPeriod(ctx, unit, period),
    countPeriod(ctx, unit, previous),
    repository.listCertificatesInForce(sql, unit.scope, period.asOf),
    repository.countSalesPoints(sql, unit.scope, period.from, period.asOf),
    repository.countRecognitionsByYear(sql, unit.scope, FIRST_REPORT_YEAR, period.asOf),
    repository.countExpiriesByMonth(sql, unit.scope, period.asOf, months.at(-1)!.to),
  ]);
  const unitLevel = unit.level === 'nation' ? 'province' : 'commune';
  const unitCodes = [...new Set([...current.issued, ...inForce].map((f) => (unitLevel === 'commune' ? f.communeCode : f.provinceCode)))];
  const unitNames = await repository.findUnitNames(sql, unitLevel, unitCodes);

  const recognised = latestPerProduct(current.issued);
  const kinds = { first: 0, re_evaluation: 0, upgrade: 0 };
  for (const fact of current.issued) kinds[certificateKind(fact)] += 1;
  const revoked = current.revocations.reduce((sum, r) => sum + r.count, 0);
  const { funnel, counts, rounds } = current;
  const late = funnel.dossiersForwarded - funnel.dossiersForwardedOnTime;

  const previousRecognised = latestPerProduct(before.issued).length;
  const previousRevoked = before.revocations.reduce((sum, r) => sum + r.count, 0);
  const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
  const compared: Array<[string, string, number, number]> = [
    ['productsRecognised', 'Sản phẩm được công nhận trong kỳ', recognised.length, previousRecognised],
    ['certificatesIssued', 'Giấy chứng nhận được cấp', current.issued.length, before.issued.length],
    ['certificatesRevoked', 'Giấy chứng nhận bị thu hồi', revoked, previousRevoked],
    ['certificatesExpired', 'Giấy chứng nhận hết hạn', counts.expiredInPeriod, before.counts.expiredInPeriod],
    ['roundsHeld', 'Kỳ đánh giá, phân hạng đã họp', rounds.held, before.rounds.held],
    ['ideasRegistered', 'Ý tưởng sản phẩm đăng ký', funnel.ideasRegistered, before.funnel.ideasRegistered],
    ['dossiersSubmitted', 'Hồ sơ sản phẩm nộp', funnel.dossiersSubmitted, before.funnel.dossiersSubmitted],
    ['dossiersForwarded', 'Hồ sơ xã chuyển lên tỉnh', funnel.dossiersForwarded, before.funnel.dossiersForwarded],
  ];

  const activities = await compileActivities(ctx, unit, period.year);
  return {
    level: unit.level,
    provinceCode: unit.scope.provinceCode,
    communeCode: unit.scope.communeCode,
    unitName: unit.name,
    issuingBody: unit.issuingBody,
    year: period.year,
    period: {
      kind: period.kind,
      label: describePeriod(period),
      from: period.from,
      to: period.to,
      asOf: period.asOf,
      previous: { label: describePeriod(previous), from: previous.from, to: previous.to, asOf: previous.asOf },
    },
    generatedAt: ctx.clock.now(),
    products: {
      recognisedInPeriod: buildBreakdown(recognised, { scope: unit.scope, unitLevel, unitNames, link: issuedLink }),
      inForce: buildBreakdown(inForce, { scope: unit.scope, unitLevel, unitNames, link: inForceLink }),
      everRecognised: figure(counts.everRecognisedProducts, drillDown('/api/certificates', { ...scopeQuery, issuedTo: period.asOf })),
    },
    certificates: {
      issued: figure(current.issued.length, issuedLink(scopeQuery)),
      firstRecognitions: figure(kinds.first, issuedLink({ ...scopeQuery, kind: 'first' })),
      reEvaluated: figure(kinds.re_evaluation, issuedLink({ ...scopeQuery, kind: 're_evaluation' })),
      upgraded: figure(kinds.upgrade, issuedLink({ ...scopeQuery, kind: 'upgrade' })),
      expiring: figure(counts.expiring, drillDown('/api/certificates', { ...scopeQuery, status: 'expiring' })),
      expired: figure(counts.expiredInPeriod, drillDown('/api/certificates', { ...scopeQuery, expiresFrom: period.from, expiresTo: addDays(period.asOf, -1) })),
      expiredReEvaluated: counts.expiredReEvaluated,
      reEvaluationRate: rate(counts.expiredReEvaluated, counts.expiredInPeriod),
      revoked: figure(revoked, drillDown('/api/certificates', { ...scopeQuery, status: 'revoked', revokedFrom: period.from, revokedTo: period.asOf })),
      revokedByGround: current.revocations.map((r) => ({ ground: r.ground, label: revocationGroundLabels[r.ground as RevocationGround]?.vi ?? r.ground, count: r.count })),
    },
    rounds: { held: figure(rounds.held, drillDown('/api/evaluation-rounds', { year: period.year, heldFrom: period.from, heldTo: period.asOf })), ...withoutHeld(rounds) },
    funnel: {
      ideasRegistered: figure(funnel.ideasRegistered, drillDown('/api/ideas', { ...scopeQuery, submittedFrom: period.from, submittedTo: period.asOf })),
      ideasPassed: funnel.ideasPassed,
      plansReceived: figure(funnel.plansReceived, drillDown('/api/business-plans', { ...scopeQuery, receivedFrom: period.from, receivedTo: period.asOf })),
      plansApproved: funnel.plansApproved,
      dossiersSubmitted: figure(funnel.dossiersSubmitted, drillDown('/api/dossiers', { ...scopeQuery, submittedFrom: period.from, submittedTo: period.asOf })),
      dossiersWithdrawn: funnel.dossiersWithdrawn,
      dossiersReceived: funnel.dossiersReceived,
      dossiersForwarded: figure(funnel.dossiersForwarded, drillDown('/api/dossiers', { ...scopeQuery, status: 'forwarded_to_province', forwardedFrom: period.from, forwardedTo: period.asOf })),
      productsRecognised: figure(recognised.length, issuedLink(scopeQuery)),
    },
    onTime: {
      forwarded: funnel.dossiersForwarded,
      onTime: funnel.dossiersForwardedOnTime,
      late,
      rate: rate(funnel.dossiersForwardedOnTime, funnel.dossiersForwarded),
      drillDown: drillDown('/api/dossiers/on-time-rate', { ...scopeQuery, from: period.from, to: period.asOf }),
    },
    comparison: compared.map(([key, label, now, then]) => ({ key, label, current: now, previous: then, ...change(now, then) })),
    trends: {
      recognitionsByYear: yearsUpTo(period.asOf).map((year) => {
        const counted = byYear.find((row) => row.year === year);
        const to = `${year}-12-31` < period.asOf ? `${year}-12-31` : period.asOf;
        return {
          year,
          products: figure(counted?.products ?? 0, drillDown('/api/certificates', { ...scopeQuery, issuedFrom: `${year}-01-01`, issuedTo: to })),
          firstRecognitions: counted?.firstRecognitions ?? 0,
          certificates: counted?.certificates ?? 0,
        };
      }),
      expiriesByMonth: months.map(({ month, from, to }) => {
        const of = (stars: number) => expiries.find((row) => row.month === month && row.stars === stars)?.certificates ?? 0;
        const total = expiries.filter((row) => row.month === month).reduce((sum, row) => sum + row.certificates, 0);
        return {
          month,
          from,
          to,
          certificates: figure(total, drillDown('/api/certificates', { ...scopeQuery, inForceOn: period.asOf, expiresFrom: from, expiresTo: to })),
          stars3: of(3),
          stars4: of(4),
          stars5: of(5),
        };
      }),
    },
    salesPoints: { active: figure(salesPoints.active, drillDown('/api/sales-points', { ...scopeQuery, active: 'true' })), openedInPeriod: salesPoints.openedInPeriod },
    ...activities,
  };
}

/** The months of expiries ahead the charts show: a year, about twice the re-evaluation window (Đ.7.6.a: 180 days). */
const EXPIRY_MONTHS = 12;

/** 2019, 2020, …, the year of `asOf`. */
function yearsUpTo(asOf: LocalDate): number[] {
  const last = Number(asOf.slice(0, 4));
  return Array.from({ length: Math.max(0, last - FIRST_REPORT_YEAR + 1) }, (_, index) => FIRST_REPORT_YEAR + index);
}

function withoutHeld(rounds: repository.RoundCounts) {
  const { held: _held, ...rest } = rounds;
  return rest;
}

/**
 * Training, plans and fairs of the calendar year the period names (what the units already enter). A
 * commune or province lists them one by one; the nation gets the totals.
 */
async function compileActivities(ctx: AppContext, unit: ReportUnit, year: number): Promise<Pick<ProgrammeReport, 'training' | 'plans' | 'fairs'>> {
  const sql = ctx.db.pool;
  if (unit.level === 'nation') {
    const n = await repository.countNationalActivities(sql, year);
    const people = n.attended.provinceOfficials + n.attended.communeOfficials + n.attended.producers + n.attended.other;
    return {
      training: {
        producers: { total: n.producers, trained: n.producersTrained, percent: percentOf(n.producersTrained, n.producers) },
        peopleTrained: { ...n.attended, total: people },
        trainings: [],
      },
      plans: [],
      fairs: { count: n.fairs, byScope: n.byScope, participations: n.participations, visitors: n.visitors, revenueVnd: n.revenueVnd, items: [] },
    };
  }
  const place = { provinceCode: unit.scope.provinceCode!, communeCode: unit.scope.communeCode };
  const coverage = await computeTrainingCoverage(sql, place, year);
  const trainings = await listUnitTrainingsOfYear(sql, place, year);
  const attended = await countAttendedByAudience(sql, trainings.map((t) => t.id));
  const plans = await Promise.all((await listUnitPlansOfYear(sql, place, year)).map((plan) => buildPlanDetail(sql, ctx.clock, plan)));
  const fairs = await listUnitFairsOfYear(sql, place, year);
  const byScope = { in_province: 0, out_of_province: 0, international: 0 };
  for (const fair of fairs) byScope[fair.scope] += 1;

  return {
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
