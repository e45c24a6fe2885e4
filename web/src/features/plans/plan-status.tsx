import { Badge } from '../../app/ui.tsx';
import type { ProgrammeText } from '../training/index.ts';

export type Status = 'achieved' | 'on_track' | 'at_risk' | 'behind' | 'no_data';
const tones: Record<Status, 'good' | 'soon' | 'bad' | 'neutral'> = { achieved: 'good', on_track: 'good', at_risk: 'soon', behind: 'bad', no_data: 'neutral' };

export function StatusBadge({ status, text }: { status: Status; text: ProgrammeText }) {
  return (
    <span data-testid={`status-${status}`}>
      <Badge tone={tones[status]}>{text(`status.${status}`)}</Badge>
    </span>
  );
}

export const indicatorKinds = [
  'products_developed',
  'star_target',
  'production_area',
  'production_yield',
  'production_output',
  'producers_trained_percent',
  'new_cooperatives',
  'linkage_projects',
  'fairs',
] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const productionKinds: readonly IndicatorKind[] = ['production_area', 'production_yield', 'production_output'];
export const defaultUnits: Record<IndicatorKind, string> = {
  products_developed: 'sản phẩm',
  star_target: 'sản phẩm',
  production_area: 'ha',
  production_yield: 'tạ/ha',
  production_output: 'tấn',
  producers_trained_percent: '%',
  new_cooperatives: 'HTX',
  linkage_projects: 'dự án',
  fairs: 'hội chợ',
};
