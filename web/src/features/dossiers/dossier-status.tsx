import { formatDate } from '../../app/i18n.tsx';
import { Badge } from '../../app/ui.tsx';
import type { DossierText } from './dossier-text.ts';
import type { DossierStatus, DossierSummary } from './dossiers.queries.ts';

const tones: Record<DossierStatus, 'neutral' | 'good' | 'bad' | 'soon'> = {
  draft: 'neutral',
  submitted: 'soon',
  commune_reviewing: 'soon',
  returned_for_supplement: 'bad',
  resubmitted: 'soon',
  forwarded_to_province: 'good',
  withdrawn: 'neutral',
};

export function StatusBadge({ status, text }: { status: DossierStatus; text: DossierText }) {
  return (
    <span data-testid="dossier-status" data-status={status}>
      <Badge tone={tones[status]}>{text(`status.${status}`)}</Badge>
    </span>
  );
}

/** "Hạn 14/12/2026" with an overdue mark, for lists. */
export function DueLabel({ dossier, overdue, text }: { dossier: Pick<DossierSummary, 'dueAt' | 'forwardedAt'>; overdue?: boolean; text: DossierText }) {
  if (!dossier.dueAt) return null;
  return (
    <span className={overdue ? 'due due-overdue' : 'due'}>
      {text('detail.dueDate')}: {formatDate(dossier.dueAt)}
      {overdue ? ` · ${text('queue.overdue')}` : ''}
    </span>
  );
}
