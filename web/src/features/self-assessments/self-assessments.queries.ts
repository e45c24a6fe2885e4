import { queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api.ts';

const fetchSelfAssessment = (id: string) => api.get('/api/self-assessments/{id}', { path: { id } });

/** A self-assessment with its evaluation (score, star, gap), as GET, POST and PATCH answer it. */
export type EvaluatedSelfAssessment = Awaited<ReturnType<typeof fetchSelfAssessment>>;

export const selfAssessmentKey = (id: string) => ['self-assessments', 'one', id] as const;

export const selfAssessmentQuery = (id: string) =>
  queryOptions({
    queryKey: selfAssessmentKey(id),
    queryFn: () => fetchSelfAssessment(id),
  });
