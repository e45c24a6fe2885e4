import { z } from 'zod';

/** The year is checked against the clock in the use case (2019 … this year); here only its form. */
export const dashboardQuery = z.object({
  year: z.coerce.number({ message: 'Năm phải là một số.' }).int({ message: 'Năm phải là một số nguyên.' }).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const waitingKinds = [
  'dossiers_to_submit',
  'dossiers_to_supplement',
  'dossiers_to_receive',
  'dossiers_to_check',
  'business_plans_to_forward',
  'business_plans_to_review',
  'dossiers_waiting_for_round',
  'round_to_open',
  'round_to_close',
  'decision_to_record',
  'sheets_to_score',
  'five_star_proposals',
  're_evaluation_window_opening',
  're_evaluation_window_closing',
  're_evaluation_to_file',
  'revocation_overdue',
] as const;
export type WaitingKind = (typeof waitingKinds)[number];

export const waitingItem = z
  .object({
    kind: z.enum(waitingKinds),
    /** What to do, in Vietnamese. */
    title: z.string(),
    /** The deadline (a day, Vietnam time) of the item, or the earliest one of the group; null when none. */
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    /** A group of records: how many (and `id` null); one record: its id (and `count` null). */
    count: z.number().int().nullable(),
    id: z.string().nullable(),
    /** The back-office path of the filtered list or the record. */
    link: z.string(),
  })
  .meta({ id: 'DashboardWaitingItem' });
export type WaitingItem = z.infer<typeof waitingItem>;

const figure = z.object({ value: z.number().int(), link: z.string() });
export type Figure = z.infer<typeof figure>;
const rate = z.object({ numerator: z.number().int(), denominator: z.number().int(), percent: z.number().nullable(), link: z.string() });

export const dashboardFigures = z
  .object({
    /** Products with a certificate in force on `asOf`, by its stars. */
    productsByStar: z.object({ three: figure, four: figure, five: figure, total: z.number().int() }).nullable(),
    certificates: z.object({ valid: figure, expiring: figure, extended: figure, expired: figure, revoked: figure }).nullable(),
    /** Certificates whose validity ran out in the year (up to asOf): how many had a re-evaluation filed. */
    reEvaluationRate: rate.nullable(),
    /** Dossiers forwarded by the commune in the year (up to asOf): how many by their due_at. */
    dossiersOnTime: rate.nullable(),
    funnel: z.object({ ideas: figure, businessPlans: figure, dossiers: figure, recognised: figure }).nullable(),
    training: z.object({ producers: z.number().int(), trained: z.number().int(), percent: z.number().nullable(), link: z.string() }).nullable(),
    plans: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          link: z.string(),
          status: z.string(),
          indicators: z.array(
            z.object({
              kind: z.string(),
              label: z.string(),
              target: z.number(),
              unit: z.string(),
              achieved: z.number().nullable(),
              percent: z.number().nullable(),
              status: z.string(),
            }),
          ),
        }),
      )
      .nullable(),
  })
  .meta({ id: 'DashboardFigures' });
export type DashboardFigures = z.infer<typeof dashboardFigures>;

export const producerOverview = z
  .object({
    products: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        stars: z.number().int().nullable(),
        certificate: z
          .object({
            id: z.string(),
            number: z.string(),
            status: z.string(),
            expiresOn: z.string(),
            /** Days from today to the last valid day (negative once expired). */
            daysToExpiry: z.number().int(),
            reEvaluationFiledOn: z.string().nullable(),
          })
          .nullable(),
        link: z.string(),
        productSetNumber: z.number().int(),
        /** The dossier of this product in progress, if any. */
        dossier: z.object({ id: z.string(), status: z.string(), link: z.string() }).nullable(),
        /** What the producer can do next with this product, the most pressing first. */
        actions: z.array(
          z.object({
            kind: z.enum(['continue_dossier', 'file_dossier', 're_evaluate', 'recognise_again', 'upgrade', 'add_listing', 'see_certificate']),
            label: z.string(),
            link: z.string(),
          }),
        ),
      }),
    ),
    dossiers: z.array(z.object({ id: z.string(), productName: z.string(), type: z.string(), status: z.string(), dueAt: z.string().nullable(), link: z.string() })),
  })
  .meta({ id: 'DashboardProducer' });
export type ProducerOverview = z.infer<typeof producerOverview>;

export const dashboard = z
  .object({
    year: z.number().int(),
    /** The day the figures are taken on: today for this year, 31/12 for a past year. */
    asOf: z.string(),
    today: z.string(),
    role: z.string(),
    scope: z.object({
      level: z.enum(['national', 'province', 'commune', 'own']),
      provinceCode: z.string().nullable(),
      communeCode: z.string().nullable(),
      producerId: z.string().nullable(),
    }),
    /** Overdue first, then by due day (none last). For a producer: what it must do next. */
    waiting: z.array(waitingItem),
    figures: dashboardFigures,
    /** A producer's own products, certificates and dossiers; null for other roles. */
    producer: producerOverview.nullable(),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof dashboard>;
