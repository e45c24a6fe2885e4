/** Small pieces shared by the evaluation screens: round and entry statuses, an entry's scoring progress. */
import { Badge } from '../../app/ui.tsx';
import type { EvaluationText } from './evaluations-text.ts';
import type { EntryStatus, RoundEntry, RoundStatus } from './evaluations.queries.ts';

export function RoundStatusBadge({ status, text }: { status: RoundStatus; text: EvaluationText }) {
  return <Badge tone={status === 'open' ? 'soon' : status === 'decided' ? 'good' : 'neutral'}>{text(`roundStatus.${status}`)}</Badge>;
}

export function EntryStatusBadge({ status, text }: { status: EntryStatus; text: EvaluationText }) {
  const tone = status === 'scoring' || status === 'supplement_requested' ? 'soon' : status === 'decided' || status === 'closed' ? 'good' : status === 'withdrawn' ? 'bad' : 'neutral';
  return (
    <span data-testid="entry-status">
      <Badge tone={tone}>{text(`entryStatus.${status}`)}</Badge>
    </span>
  );
}

/**
 * "2/3 thành viên đã nộp" with each expected member's name, ✓ once their sheet of the current attempt
 * is in. Never a score: members do not see each other's scores before submitting their own.
 */
export function Progress({ entry, text }: { entry: Pick<RoundEntry, 'progress' | 'attempt' | 'status'>; text: EvaluationText }) {
  const expected = entry.progress.expected.filter((member) => !member.conflict);
  const conflicted = entry.progress.expected.filter((member) => member.conflict);
  if (entry.progress.expected.length === 0) return <>—</>;
  return (
    <div data-testid="progress">
      <span data-testid="progress-count">
        {text('progress.value', { submitted: entry.progress.submitted, expected: expected.length })}
        {entry.attempt > 1 && ` (${text('progress.attempt', { attempt: entry.attempt })})`}
      </span>
      <ul className="progress-names">
        {expected.map((member) => (
          <li key={member.userId} className={member.submitted ? 'done' : 'waiting'} data-testid="progress-member" data-submitted={member.submitted}>
            {member.submitted ? '✓' : '○'} {member.displayName}
          </li>
        ))}
        {conflicted.map((member) => (
          <li key={member.userId} className="waiting">
            — {member.displayName} ({text('progress.conflict')})
          </li>
        ))}
      </ul>
    </div>
  );
}
