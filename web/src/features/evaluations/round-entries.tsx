/** The dossiers of an evaluation round with their progress and results. */
import { Link } from '@tanstack/react-router';
import { can } from '../../app/access.ts';
import { formatDate, formatNumber, useI18n } from '../../app/i18n.tsx';
import { useUser } from '../../app/session.ts';
import { Stars } from '../rule-sets/index.ts';
import { EntryStatusBadge, Progress } from './entry-parts.tsx';
import type { EvaluationText } from './evaluations-text.ts';
import { certificatePdfUrl, type RoundDetail, type RoundEntry } from './evaluations.queries.ts';

function EntryResult({ entry, text, t }: { entry: RoundEntry; text: EvaluationText; t: ReturnType<typeof useI18n>['t'] }) {
  if (entry.averageTotal === null && !entry.outcome) return <>—</>;
  return (
    <span data-testid="entry-result">
      {entry.averageTotal !== null && <strong>{text('result.points', { points: formatNumber(entry.averageTotal) })}</strong>}
      {entry.stars ? (
        <>
          {' '}
          <Stars count={entry.stars} t={t} />
        </>
      ) : null}
      {entry.outcome && <span className="block hint">{text(`outcome.${entry.outcome}`)}</span>}
    </span>
  );
}

/**
 * A council member's own move on an entry, as a button that says its state: score it (none yet),
 * go on with a draft, or see the sheet handed in; a declared conflict or a closed step says so.
 */
function MyScoreCell({ entry, text }: { entry: RoundEntry; text: EvaluationText }) {
  if (entry.myConflict) return <span className="hint">{text('myScore.conflict')}</span>;
  if (entry.status !== 'scoring') {
    return <span className="hint">{entry.myScoreStatus === 'submitted' ? text('myScore.submitted') : text('myScore.notOpen')}</span>;
  }
  const state = entry.myScoreStatus;
  return (
    <Link
      to="/evaluations/entries/$entryId"
      params={{ entryId: entry.id }}
      hash="my-score"
      className={state === 'submitted' ? 'button' : 'button button-primary'}
      data-testid="score-button"
      data-state={state}
    >
      {text(`myScore.action.${state}`)}
    </Link>
  );
}

export function EntriesTable({ round, text, t }: { round: RoundDetail; text: EvaluationText; t: ReturnType<typeof useI18n>['t'] }) {
  const canSeeCertificates = can(useUser(), 'certificates');
  const council = round.myRole === 'chair' || round.myRole === 'member';
  return (
    <table className="table table-stack" data-testid="entries-table">
      <thead>
        <tr>
          <th scope="col">{text('table.product')}</th>
          <th scope="col">{text('table.status')}</th>
          <th scope="col">{text('table.progress')}</th>
          <th scope="col">{text('table.result')}</th>
          <th scope="col">{text('table.certificate')}</th>
          {council && <th scope="col">{text('table.myScore')}</th>}
        </tr>
      </thead>
      <tbody>
        {round.entries.map((entry) => (
          <tr key={entry.id} data-testid="entry-row" data-entry-id={entry.id}>
            <th scope="row" data-label={text('table.product')}>
              <Link to="/evaluations/entries/$entryId" params={{ entryId: entry.id }} data-testid="entry-link">
                {entry.productName}
              </Link>
              <span className="block hint">
                {entry.producerName}
                {entry.communeName ? ` · ${entry.communeName}` : ''} · {text('entry.productSet')} {entry.productSetNumber}
              </span>
            </th>
            <td data-label={text('table.status')}>
              <EntryStatusBadge status={entry.status} text={text} />
            </td>
            <td data-label={text('table.progress')}>
              <Progress entry={entry} text={text} />
            </td>
            <td data-label={text('table.result')}>
              <EntryResult entry={entry} text={text} t={t} />
            </td>
            <td data-label={text('table.certificate')}>
              {entry.certificate ? (
                <span data-testid="entry-certificate">
                  {canSeeCertificates ? (
                    <Link to="/certificates/$certificateId" params={{ certificateId: entry.certificate.id }} search={{}} data-testid="certificate-link">
                      {entry.certificate.number}
                    </Link>
                  ) : (
                    entry.certificate.number
                  )}{' '}
                  <Stars count={entry.certificate.stars} t={t} />
                  <span className="block hint">
                    <a href={certificatePdfUrl(entry.certificate.id)} target="_blank" rel="noopener">
                      PDF
                    </a>{' '}
                    · {text('certificate.validUntil', { date: formatDate(entry.certificate.expiresOn) })}
                  </span>
                </span>
              ) : (
                '—'
              )}
            </td>
            {council && (
              <td data-label={text('table.myScore')}>
                <MyScoreCell entry={entry} text={text} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

