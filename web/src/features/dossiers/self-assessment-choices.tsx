/**
 * The self-assessments a dossier may file (GET /api/dossiers/self-assessment-choices): finished ones are
 * choices; unfinished ones are listed but cannot be chosen, with how many criteria remain; one filed with
 * another live dossier is not offered (issue 19).
 */
import { queryOptions, type UseQueryResult } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { formatNumber, useI18n } from '../../app/i18n.tsx';
import type { DossierText } from './dossier-text.ts';

const fetchChoices = (producerId: string | undefined, dossierId: string | undefined) =>
  api.get('/api/dossiers/self-assessment-choices', { query: { producer: producerId, dossier: dossierId } });
export type SelfAssessmentChoices = Awaited<ReturnType<typeof fetchChoices>>;

export const selfAssessmentChoicesQuery = (producerId: string | undefined, dossierId?: string) =>
  queryOptions({
    // Under 'self-assessments' too, so saving a self-assessment refreshes the choices.
    queryKey: ['self-assessments', 'list', 'dossier-choices', producerId, dossierId ?? null],
    queryFn: () => fetchChoices(producerId, dossierId),
    enabled: !!producerId,
  });

/** The <option>s of the self-assessment select (the empty choice first). */
export function SelfAssessmentOptions({ query, text }: { query: UseQueryResult<SelfAssessmentChoices>; text: DossierText }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{query.isPending ? t('common.loading') : t('form.choose')}</option>
      {query.data?.items.map((item) =>
        item.available ? (
          <option key={item.id} value={item.id}>
            {item.productName} · {text('detail.selfAssessment.score', { points: formatNumber(item.totalPoints ?? 0), stars: item.stars ?? 0 })}
          </option>
        ) : (
          <option key={item.id} value={item.id} disabled>
            {text('new.selfAssessment.unfinished', { name: item.productName, count: formatNumber(item.missingCriteria) })}
          </option>
        ),
      )}
    </>
  );
}
