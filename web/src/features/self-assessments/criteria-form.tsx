/**
 * A criteria sheet as a form: one card per leaf criterion with large radio options (points, star
 * markers, stop rules), grouped by part and section. Shared by the producer's self-assessment (Mẫu 02)
 * and the council member's scoring sheet (evaluations), so both read the decision's sheet the same way.
 */
import { memo, useEffect, useState } from 'react';
import type { Translate } from '../../app/i18n.tsx';
import { CriterionInfo, StarMarker, optionGroups, partLabel, points, stopRuleOf, type CriteriaSheet, type Criterion } from '../rule-sets/index.ts';

type Choices = Record<string, string>;

/** The value, once it has stopped changing for `delay` ms (one scoring request per pause, not per tap). */
export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

/** Every part and section of the sheet with its criteria, as choosable cards. */
export function SheetCriteria(props: {
  sheet: CriteriaSheet;
  choices: Choices;
  notApplicable: Map<string, string>;
  onChoose(code: string, optionId: string): void;
  disabled: boolean;
  t: Translate;
}) {
  const { sheet, t } = props;
  return (
    <>
      {sheet.parts.map((part) => (
        <section key={part.code} className="stack-small" aria-labelledby={`part-${part.code}`}>
          <h2 id={`part-${part.code}`}>
            {partLabel(t, part.code)} <span className="points-max">({points(t, part.maxPoints)})</span>
          </h2>
          {part.sections.map((section) => (
            <section key={section.code} className="stack-small" aria-labelledby={`section-${section.code}`}>
              <h3 id={`section-${section.code}`} className="h3">
                {section.code}. {section.name} <span className="points-max">({points(t, section.maxPoints)})</span>
              </h3>
              {section.criteria.map((criterion) => (
                <CriterionBlock
                  key={criterion.code}
                  criterion={criterion}
                  sheet={sheet}
                  choices={props.choices}
                  notApplicable={props.notApplicable}
                  onChoose={props.onChoose}
                  disabled={props.disabled}
                  t={t}
                />
              ))}
            </section>
          ))}
        </section>
      ))}
    </>
  );
}

/** A criterion with sub-criteria is a heading over their cards; a leaf is one card of options. */
function CriterionBlock(props: {
  criterion: Criterion;
  sheet: CriteriaSheet;
  choices: Choices;
  notApplicable: Map<string, string>;
  onChoose(code: string, optionId: string): void;
  disabled: boolean;
  t: Translate;
}) {
  const { criterion, sheet, t } = props;
  if (criterion.children?.length) {
    return (
      <div className="criterion-group stack-small">
        <h4 className="criterion-title">
          <span className="criterion-code">{criterion.code}</span> {criterion.name} <span className="points-max">({points(t, criterion.maxPoints)})</span>
        </h4>
        <CriterionInfo criterion={criterion} sheet={sheet} t={t} />
        {criterion.children.map((child) => (
          <CriterionBlock key={child.code} {...props} criterion={child} />
        ))}
      </div>
    );
  }
  return (
    <CriterionCard
      criterion={criterion}
      sheet={sheet}
      chosen={props.choices[criterion.code] ?? null}
      notApplicable={props.notApplicable.get(criterion.code) ?? null}
      onChoose={props.onChoose}
      disabled={props.disabled}
      t={t}
    />
  );
}

/** One leaf criterion: its text, then one large radio button per option (points and star marker on each). */
const CriterionCard = memo(function CriterionCard(props: {
  criterion: Criterion;
  sheet: CriteriaSheet;
  chosen: string | null;
  notApplicable: string | null;
  onChoose(code: string, optionId: string): void;
  disabled: boolean;
  t: Translate;
}) {
  const { criterion, sheet, chosen, t } = props;
  const className = ['card', 'criterion', props.notApplicable ? 'criterion-off' : '', !chosen && !props.notApplicable ? 'criterion-missing' : ''].filter(Boolean).join(' ');
  return (
    <fieldset className={className} id={`criterion-${criterion.code}`} data-testid={`criterion-${criterion.code}`}>
      <legend className="criterion-title">
        <span className="criterion-code">{criterion.code}</span> {criterion.name} <span className="points-max">({points(t, criterion.maxPoints)})</span>
      </legend>
      <CriterionInfo criterion={criterion} sheet={sheet} t={t} />
      {props.notApplicable && (
        <p className="mark mark-conditional" data-testid="not-applicable">
          <strong>{t('selfAssessment.notApplicable')}</strong> {props.notApplicable}
        </p>
      )}
      {optionGroups(criterion).map((group) => (
        <div key={group.label ?? ''} className="choices">
          {group.label && <p className="variant-label">{group.label}</p>}
          {group.options.map((option) => {
            const checked = chosen === option.id;
            const stop = stopRuleOf(sheet, option.id);
            return (
              <label key={option.id} className={checked ? 'choice choice-checked' : 'choice'} data-testid={`option-${option.id}`}>
                <input
                  type="radio"
                  name={`choice-${criterion.code}`}
                  value={option.id}
                  checked={checked}
                  disabled={props.disabled}
                  onChange={() => props.onChoose(criterion.code, option.id)}
                  data-testid={`choice-${option.id}`}
                />
                <span className="choice-body">
                  <span className="choice-label">{option.label}</span>
                  <span className="choice-meta">
                    <span className="choice-points">{points(t, option.points)}</span>
                    {option.minStars && <StarMarker stars={option.minStars} t={t} />}
                    {stop && <span className="badge badge-bad">{t('sheet.stopsEvaluation')}</span>}
                    {option.synthesized && <span className="badge badge-soon">{t('sheet.synthesized')}</span>}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
});
