/** How rule-set facts are written on screen: stars, star bands, levels, deadlines, points (vi-VN numbers). */
import { formatDate, formatNumber, type Translate } from '../../app/i18n.tsx';
import type { MessageKey } from '../../app/app-text.ts';
import type { Deadline, DeadlineKey, Level, PartCode, RuleSet, RuleSetSummary, StarBand } from './rule-sets.types.ts';

/** "★★★★" with its meaning for screen readers ("4 sao"); `decorative` when the text beside it already says it. */
export function Stars({ count, t, decorative = false }: { count: number; t: Translate; decorative?: boolean }) {
  return decorative ? (
    <span className="stars" aria-hidden="true">
      {'★'.repeat(count)}
    </span>
  ) : (
    <span className="stars" role="img" aria-label={t('stars.count', { count })}>
      {'★'.repeat(count)}
    </span>
  );
}

/** The decision's minimum-requirement marker (*** / **** / *****), shown as stars with its meaning. */
export function StarMarker({ stars, t }: { stars: number; t: Translate }) {
  const meaning = t('stars.marker', { count: stars });
  return (
    <span className="star-marker" title={meaning} data-testid="star-marker">
      <span aria-hidden="true">{'★'.repeat(stars)}</span>
      <span className="visually-hidden">{meaning}</span>
    </span>
  );
}

export const points = (t: Translate, value: number) => t('ruleSets.points', { points: formatNumber(value) });

/** "từ 70 đến dưới 90 điểm" — the decision's wording of the half-open band [min, maxExclusive). */
export function bandRange(t: Translate, band: StarBand, totalMax: number): string {
  if (band.maxExclusive === null) return t('ruleSets.band.top', { min: formatNumber(band.min), max: formatNumber(totalMax) });
  return t('ruleSets.band.range', { min: formatNumber(band.min), max: formatNumber(band.maxExclusive) });
}

/** Which average totals a level forwards to the next: "mọi hồ sơ", "từ 90 điểm", "từ 70 đến 100 điểm". */
export function forwardingRange(t: Translate, minTotal: number | null, maxTotal: number | null): string {
  if (minTotal === null && maxTotal === null) return t('ruleSets.forwarding.all');
  if (maxTotal === null) return t('ruleSets.forwarding.from', { min: formatNumber(minTotal ?? 0) });
  return t('ruleSets.forwarding.range', { min: formatNumber(minTotal ?? 0), max: formatNumber(maxTotal) });
}

export const levelLabel = (t: Translate, level: Level | null) => (level ? t(`level.${level}`) : t('level.none'));

export const partLabel = (t: Translate, part: PartCode | string) =>
  part === 'A' || part === 'B' || part === 'C' ? t(`ruleSets.part.${part}`) : part;

export const deadlineLabel = (t: Translate, key: DeadlineKey | string): string => {
  const messageKey = `deadline.${key}` as MessageKey;
  const label = t(messageKey);
  return label === messageKey ? key : label;
};

/** "15 ngày làm việc", "36 tháng"; a period the decision does not put a number on says so. */
export function deadlineValue(t: Translate, deadline: Deadline): string {
  if (deadline.value === null) return t('deadline.noValue');
  return t(`deadline.unit.${deadline.unit}`, { value: formatNumber(deadline.value) });
}

/** "từ 22/05/2026", "từ 06/07/2025 đến 21/07/2026", or that the sources do not say. */
export function effectivePeriod(t: Translate, ruleSet: Pick<RuleSet | RuleSetSummary, 'effectiveFrom' | 'effectiveTo'>): string {
  const from = ruleSet.effectiveFrom ? formatDate(ruleSet.effectiveFrom) : null;
  const to = ruleSet.effectiveTo ? formatDate(ruleSet.effectiveTo) : null;
  if (from && to) return t('ruleSets.period.fromTo', { from, to });
  if (from) return t('ruleSets.period.from', { from });
  if (to) return t('ruleSets.period.to', { to });
  return t('ruleSets.period.unknown');
}

export const dayMonth = ({ day, month }: { day: number; month: number }) => `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;

/** "1048/QĐ-TTg, 781/QĐ-TTg": how officials name a rule set. */
export const instruments = (ruleSet: Pick<RuleSetSummary, 'legalBasis'>) => ruleSet.legalBasis.map((basis) => basis.instrument).join(', ');
