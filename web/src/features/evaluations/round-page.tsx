/**
 * One evaluation round: its dates and council rules, the council and advisory team (editable by the
 * organising office while the round is open), the dossiers with their progress and results, closing the
 * council session, the minutes and draft decision, and recording the decision that issues certificates.
 */
import './evaluations.css';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, getRouteApi } from '@tanstack/react-router';
import { formatDate, formatNumber, useI18n } from '../../app/i18n.tsx';
import { Notice, PageHeader, QueryView } from '../../app/ui.tsx';
import { RoundStatusBadge } from './entry-parts.tsx';
import { useEvaluationText, type EvaluationText } from './evaluations-text.ts';
import { decisionDraftUrl, minutesUrl, roundQuery, type RoundDetail } from './evaluations.queries.ts';
import { EntriesTable } from './round-entries.tsx';
import { CloseForm, DecisionForm } from './round-decision.tsx';
import { Members } from './round-members.tsx';
import { RoundSettingsForm } from './round-settings-form.tsx';

const route = getRouteApi('/evaluations/$roundId');

export function RoundPage() {
  const text = useEvaluationText();
  const { roundId } = route.useParams();
  const round = useQuery(roundQuery(roundId));
  return (
    <section className="stack">
      <nav className="breadcrumb" aria-label={text('entry.round')}>
        <ol>
          <li>
            <Link to="/evaluations" search={{}}>
              {text('list.title')}
            </Link>
          </li>
        </ol>
      </nav>
      <QueryView query={round}>{(data) => <RoundView round={data} text={text} />}</QueryView>
    </section>
  );
}

function RoundView({ round, text }: { round: RoundDetail; text: EvaluationText }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editable = round.canManage && round.status === 'open';
  return (
    <>
      <PageHeader
        title={<span data-testid="round-title">{round.title}</span>}
        actions={
          editable &&
          !editing && (
            <button
              type="button"
              className="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
              data-testid="edit-round"
            >
              {text('round.edit')}
            </button>
          )
        }
      >
        <p className="lead">
          {text(`level.${round.level}`)} · {text(`kind.${round.kind}`)} · {round.year} <RoundStatusBadge status={round.status} text={text} />
        </p>
      </PageHeader>
      {saved && <Notice testId="round-saved">{text('edit.saved')}</Notice>}
      {editing && editable && (
        <RoundSettingsForm
          round={round}
          text={text}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      )}
      <dl className="facts card" data-testid="round-facts">
        <div>
          <dt>{text('round.ruleSet')}</dt>
          <dd>
            <Link to="/rule-sets/$ruleSetId" params={{ ruleSetId: round.ruleSetId }}>
              {round.ruleSetId}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{text('round.proposalsDueOn')}</dt>
          <dd>{formatDate(round.proposalsDueOn)}</dd>
        </div>
        <div>
          <dt>{text('round.completeBy')}</dt>
          <dd>{formatDate(round.completeBy)}</dd>
        </div>
        <div>
          <dt>{text('round.spread')}</dt>
          <dd>{text('round.spread.value', { points: formatNumber(round.maxSpread) })}</dd>
        </div>
        <div>
          <dt>{text('round.quorum')}</dt>
          <dd>{text('round.quorum.value', { percent: formatNumber(round.quorumFraction * 100), chair: round.chairRequired ? text('round.quorum.chair') : '' })}</dd>
        </div>
        {round.sessionHeldOn && (
          <div>
            <dt>{text('round.session')}</dt>
            <dd data-testid="round-session">{text('round.session.value', { date: formatDate(round.sessionHeldOn), place: round.sessionPlace ?? '' })}</dd>
          </div>
        )}
        {round.decision && (
          <div>
            <dt>{text('round.decision')}</dt>
            <dd data-testid="round-decision">
              {text('round.decision.value', {
                number: round.decision.number,
                date: formatDate(round.decision.signedOn),
                signer: [round.decision.signerTitle, round.decision.signerName].filter(Boolean).join(' '),
              })}
            </dd>
          </div>
        )}
      </dl>

      <Members round={round} text={text} />

      <h2>{text('round.entries')}</h2>
      {round.entries.length === 0 ? <p className="empty">{text('round.entries.none')}</p> : <EntriesTable round={round} text={text} t={t} />}

      {round.status !== 'open' && (
        <div className="card stack-small" data-testid="round-documents">
          <h2 className="h3">{text('round.documents')}</h2>
          <ul className="link-list">
            <li>
              <a href={minutesUrl(round.id)} target="_blank" rel="noopener" data-testid="minutes-link">
                {text('round.minutes')}
              </a>
            </li>
            <li>
              <a href={decisionDraftUrl(round.id)} target="_blank" rel="noopener" data-testid="decision-draft-link">
                {text('round.decisionDraft')}
              </a>
            </li>
          </ul>
        </div>
      )}

      {round.status === 'open' && round.canClose && round.entries.some((entry) => entry.status === 'scoring') && <CloseForm round={round} text={text} />}
      {round.status === 'closed' && round.canManage && <DecisionForm round={round} text={text} />}
    </>
  );
}
