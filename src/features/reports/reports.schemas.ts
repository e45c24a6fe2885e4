import { z } from 'zod';
import { communeCode, provinceCode } from '../../core/http/schemas.ts';

export const reportQuery = z.object({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  year: z.coerce.number({ message: 'Năm phải là một số.' }).int().min(2018, { message: 'Năm từ 2018 đến 2100.' }).max(2100, { message: 'Năm từ 2018 đến 2100.' }).optional(),
});

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
    provinceCode: z.string(),
    communeCode: z.string().nullable(),
    unitName: z.string(),
    year: z.number().int(),
    generatedAt: z.date(),
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
