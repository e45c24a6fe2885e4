/**
 * The decision's own words around a criterion (description, requirement, remarks), and the marks a
 * reader must not miss: conditional criteria, stop rules, options the extractor added, data notes.
 * Shared by the criteria-sheet page and the self-assessment form.
 */
import type { Translate } from '../../app/i18n.tsx';
import { useSession } from '../../app/session.ts';
import type { CriteriaSheet, Criterion, CriterionOption, SheetNote } from './rule-sets.types.ts';
import { notesFor } from './rule-sets.types.ts';

export function NoteKind({ kind, t }: { kind: SheetNote['kind']; t: Translate }) {
  return <span className={`note-kind note-kind-${kind}`}>{t(`sheet.note.${kind}`)}</span>;
}

/**
 * The data notes are the data editors' and officials' working notes: a producer is not shown them (the
 * API leaves them out for a producer too, issue 19); visitors reading the published sheet are.
 */
export function useShowsDataNotes(): boolean {
  return useSession()?.user.role !== 'producer';
}

/** Data notes (ambiguities, corrections, modelling choices), visibly set apart from the decision's text. */
export function SheetNotes({ notes, t, showWhere = false }: { notes: SheetNote[]; t: Translate; showWhere?: boolean }) {
  const shown = useShowsDataNotes();
  if (notes.length === 0 || !shown) return null;
  return (
    <ul className="notes" data-testid="sheet-notes">
      {notes.map((note, index) => (
        <li key={index} className={`note note-${note.kind}`} data-testid="sheet-note">
          <NoteKind kind={note.kind} t={t} /> {showWhere && <span className="hint">{note.where}: </span>}
          {note.text}
        </li>
      ))}
    </ul>
  );
}

/** The text printed under a criterion's name, and the rules attached to it. */
export function CriterionInfo({ criterion, sheet, t }: { criterion: Criterion; sheet: CriteriaSheet; t: Translate }) {
  const stops = sheet.stopRules.filter((rule) => rule.criterion === criterion.code);
  const disqualifications = sheet.disqualifications.filter((rule) => rule.criterion === criterion.code);
  return (
    <>
      {criterion.description && <p className="criterion-text">{criterion.description}</p>}
      {criterion.requirement && (
        <p className="criterion-text">
          <strong>{t('sheet.requirement')}</strong> {criterion.requirement}
        </p>
      )}
      {criterion.remarks?.map((remark) => (
        <p key={remark} className="criterion-remark">
          {remark}
        </p>
      ))}
      {criterion.appliesWhen && (
        <p className="mark mark-conditional" data-testid="conditional">
          <strong>{t('sheet.conditional')}</strong> {criterion.appliesWhen.text} ({t('sheet.conditional.on', { criterion: criterion.appliesWhen.criterion })})
        </p>
      )}
      {stops.map((rule) => (
        <p key={rule.id} className="mark mark-stop" data-testid="stop-rule">
          <strong>{t('sheet.stopRule')}</strong> {rule.text}
        </p>
      ))}
      {disqualifications.map((rule) => (
        <p key={rule.id} className="mark mark-stop">
          <strong>{t('sheet.disqualifiedWhen')}</strong> {rule.text}
        </p>
      ))}
      {criterion.variantInstruction && <p className="criterion-text">{criterion.variantInstruction}</p>}
      <SheetNotes notes={notesFor(sheet, criterion.code)} t={t} />
    </>
  );
}

/** Disqualification conditions, stop rules and the star-marker footnote: read before scoring. */
export function SheetRules({ sheet, t }: { sheet: CriteriaSheet; t: Translate }) {
  const general = sheet.disqualifications.filter((rule) => !rule.criterion);
  return (
    <div className="stack-small">
      {general.length > 0 && (
        <div className="mark-box mark-stop" data-testid="disqualifications">
          <p className="alert-title">{t('sheet.disqualifiedWhen')}</p>
          <ul>
            {general.map((rule) => (
              <li key={rule.id}>{rule.text}</li>
            ))}
          </ul>
        </div>
      )}
      {sheet.stopRules.length > 0 && (
        <div className="mark-box mark-stop" data-testid="stop-rules">
          <p className="alert-title">{t('sheet.stopRules')}</p>
          <ul>
            {sheet.stopRules.map((rule) => (
              <li key={rule.id}>
                {t('sheet.atCriterion', { criterion: rule.criterion })}: {rule.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mark-box">
        <p>{sheet.starMarkerFootnote ?? t('sheet.markerFootnote')}</p>
        <p className="hint">{t('sheet.markerReading')}</p>
      </div>
    </div>
  );
}

/** Options grouped by the alternative case they belong to ("Trường hợp 1/2"); one unnamed group otherwise. */
export function optionGroups(criterion: Criterion): Array<{ label: string | null; options: CriterionOption[] }> {
  if (!criterion.variants?.length) return [{ label: null, options: criterion.options }];
  return criterion.variants.map((variant) => ({ label: variant.label, options: criterion.options.filter((option) => option.variant === variant.id) }));
}

/** The stop rule an option triggers when chosen, if any. */
export const stopRuleOf = (sheet: CriteriaSheet, optionId: string) => sheet.stopRules.find((rule) => rule.optionIds?.includes(optionId)) ?? null;
