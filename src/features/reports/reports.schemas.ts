import { z } from 'zod';
import { localDateSchema } from '../../core/clock/index.ts';
import { communeCode, provinceCode } from '../../core/http/schemas.ts';
import { FIRST_REPORT_YEAR, periodKinds } from './report-period.ts';

const periodKind = z.enum(periodKinds, { message: 'Loại kỳ báo cáo: calendar_year (năm), reporting_year (năm báo cáo thống kê), half_year (6 tháng) hoặc range (khoảng ngày).' });

/**
 * Which unit and period. No province: the caller's own unit (the nation for the ministry). The year
 * names a calendar year, a reporting year or its first six months; `from`/`to` go with period=range.
 * The period's rules (2019 onwards, not in the future, end not before start) are checked by the use case.
 */
export const reportQuery = z.object({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  period: periodKind.optional(),
  year: z.coerce
    .number({ message: 'Năm phải là một số.' })
    .int({ message: 'Năm phải là số nguyên.' })
    .min(FIRST_REPORT_YEAR, { message: `Số liệu Chương trình OCOP có từ năm ${FIRST_REPORT_YEAR}; chọn năm từ ${FIRST_REPORT_YEAR}.` })
    .max(2100, { message: 'Năm không hợp lệ.' })
    .optional(),
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** Where the records behind a figure are listed: an existing list endpoint and its query. */
const drillDown = z
  .object({
    path: z.string(),
    query: z.record(z.string(), z.string()),
    /** Whether that list applies every parameter of `query` today (false: it lists a wider set). */
    exact: z.boolean(),
  })
  .meta({ id: 'ReportDrillDown' });
const figure = z.object({ value: z.number().int(), drillDown: drillDown.nullable() }).meta({ id: 'ReportFigure' });
export type Figure = z.infer<typeof figure>;
export type DrillDown = z.infer<typeof drillDown>;

const byStar = z.object({ stars: z.number().int(), products: figure });
const breakdown = z
  .object({
    products: figure,
    /** Producers behind them, a merged producer counted once as the one it was merged into. */
    producers: z.number().int(),
    byStar: z.array(byStar),
    bySector: z.array(z.object({ code: z.string(), name: z.string(), products: z.number().int(), stars3: z.number().int(), stars4: z.number().int(), stars5: z.number().int() })),
    byProductSet: z.array(z.object({ number: z.number().int(), name: z.string(), sectorCode: z.string(), groupName: z.string(), products: z.number().int() })),
    byLegalForm: z.array(z.object({ legalForm: z.string(), label: z.string(), producers: z.number().int(), products: z.number().int() })),
    byUnit: z.array(z.object({ code: z.string(), name: z.string(), products: figure, stars3: z.number().int(), stars4: z.number().int(), stars5: z.number().int() })),
  })
  .meta({ id: 'ReportProductBreakdown' });
export type ProductBreakdown = z.infer<typeof breakdown>;

const periodDays = z.object({ from: z.string(), to: z.string(), asOf: z.string() });

const counts = z.object({
  provinceOfficials: z.number().int(),
  communeOfficials: z.number().int(),
  producers: z.number().int(),
  other: z.number().int(),
  total: z.number().int(),
});

const status = z.enum(['achieved', 'on_track', 'at_risk', 'behind', 'no_data']);

export const programmeReport = z
  .object({
    level: z.enum(['nation', 'province', 'commune']),
    /** Null for the national report. */
    provinceCode: z.string().nullable(),
    communeCode: z.string().nullable(),
    unitName: z.string(),
    /** The body that reports (the heading's left column), e.g. "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU". */
    issuingBody: z.string(),
    /** The year the period names; training, plans and fairs are those of this calendar year. */
    year: z.number().int(),
    period: periodDays.extend({ kind: periodKind, label: z.string(), previous: periodDays.extend({ label: z.string() }) }),
    generatedAt: z.date(),
    products: z.object({
      /** Products with a certificate issued in the period (first recognition, re-evaluation or upgrade). */
      recognisedInPeriod: breakdown,
      /** Cumulatively: products whose certificate is in force on the day counted to. */
      inForce: breakdown,
      /** Products ever recognised up to the day counted to (in force or not). */
      everRecognised: figure,
    }),
    certificates: z.object({
      issued: figure,
      firstRecognitions: figure,
      reEvaluated: figure,
      upgraded: figure,
      /** In force and expiring within 180 days of the day counted to. */
      expiring: figure,
      /** Last valid day in the period (before the day counted to), not revoked by then. */
      expired: figure,
      /** Of those, replaced by a re-evaluation's certificate. */
      expiredReEvaluated: z.number().int(),
      reEvaluationRate: z.number().nullable(),
      revoked: figure,
      revokedByGround: z.array(z.object({ ground: z.string(), label: z.string(), count: z.number().int() })),
    }),
    rounds: z.object({
      held: figure,
      entriesDecided: z.number().int(),
      recognised: z.number().int(),
      notRecognised: z.number().int(),
      proposedToCentral: z.number().int(),
    }),
    funnel: z.object({
      ideasRegistered: figure,
      ideasPassed: z.number().int(),
      plansReceived: figure,
      plansApproved: z.number().int(),
      dossiersSubmitted: figure,
      dossiersWithdrawn: z.number().int(),
      dossiersReceived: z.number().int(),
      dossiersForwarded: figure,
      productsRecognised: figure,
    }),
    onTime: z.object({ forwarded: z.number().int(), onTime: z.number().int(), late: z.number().int(), rate: z.number().nullable(), drillDown }),
    comparison: z.array(
      z.object({ key: z.string(), label: z.string(), current: z.number(), previous: z.number(), change: z.number(), changePercent: z.number().nullable() }),
    ),
    salesPoints: z.object({ active: figure, openedInPeriod: z.number().int() }),
    /** What the report's charts draw beside the tables (issue 13 point 3). */
    trends: z.object({
      /**
       * Recognitions per calendar year from 2019 to the period's year, the last one counted to `asOf`:
       * products with a certificate issued in the year (each once), of which first recognitions.
       */
      recognitionsByYear: z.array(
        z.object({ year: z.number().int(), products: figure, firstRecognitions: z.number().int(), certificates: z.number().int() }),
      ),
      /**
       * The twelve months ahead of `asOf` (the first from `asOf` to the month's end): certificates in
       * force on `asOf` whose last valid day falls in the month, by star.
       */
      expiriesByMonth: z.array(
        z.object({
          month: z.string().meta({ description: 'YYYY-MM' }),
          from: z.string(),
          to: z.string(),
          certificates: figure,
          stars3: z.number().int(),
          stars4: z.number().int(),
          stars5: z.number().int(),
        }),
      ),
    }),
    training: z.object({
      producers: z.object({ total: z.number().int(), trained: z.number().int(), percent: z.number().nullable() }),
      peopleTrained: counts,
      trainings: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          organiserName: z.string(),
          startsOn: z.string(),
          endsOn: z.string(),
          place: z.string(),
          topics: z.array(z.string()),
          sessions: z.number().int(),
          registered: z.number().int(),
          attended: counts,
        }),
      ),
    }),
    plans: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        legalReference: z.string(),
        status,
        warnings: z.array(z.string()),
        indicators: z.array(
          z.object({
            label: z.string(),
            productName: z.string().nullable(),
            starRating: z.number().int().nullable(),
            unit: z.string(),
            targetValue: z.number(),
            achieved: z.number().nullable(),
            percent: z.number().nullable(),
            status,
            source: z.enum(['registry', 'entered', 'unavailable']),
            evidence: z.string().nullable(),
          }),
        ),
      }),
    ),
    fairs: z.object({
      count: z.number().int(),
      byScope: z.object({ in_province: z.number().int(), out_of_province: z.number().int(), international: z.number().int() }),
      participations: z.number().int(),
      visitors: z.number().int(),
      revenueVnd: z.number(),
      items: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          scope: z.enum(['in_province', 'out_of_province', 'international']),
          startsOn: z.string(),
          endsOn: z.string(),
          place: z.string(),
          participantCount: z.number().int(),
          totalVisitors: z.number().int(),
          totalRevenueVnd: z.number(),
        }),
      ),
    }),
  })
  .meta({ id: 'ProgrammeReport' });
export type ProgrammeReport = z.infer<typeof programmeReport>;
