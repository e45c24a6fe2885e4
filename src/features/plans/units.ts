/**
 * Units of the production targets in OCOP plans and the area × yield = output check.
 *
 * Vietnamese agricultural statistics count mass in tạ and tấn: 1 tạ = 100 kg, 1 tấn = 10 tạ = 1000 kg
 * (the metric "quintal" and "tonne"); yield is written in tạ/ha; area in ha. So output (tấn) =
 * area (ha) × yield (tạ/ha) ÷ 10. A plan that writes "100 ha, 50 tạ/ha, 506 tấn" does not add up
 * (100 × 50 tạ = 5000 tạ = 500 tấn): the line is kept, with a warning, because the plan is a signed
 * document and the office must be able to record it as written.
 */

export const massUnits = ['kg', 'tạ', 'tấn'] as const;
export type MassUnit = (typeof massUnits)[number];
export const areaUnits = ['ha', 'm²'] as const;
export type AreaUnit = (typeof areaUnits)[number];
export const yieldUnits = ['kg/ha', 'tạ/ha', 'tấn/ha'] as const;
export type YieldUnit = (typeof yieldUnits)[number];

const KILOGRAMS: Record<MassUnit, number> = { kg: 1, 'tạ': 100, 'tấn': 1000 };
const HECTARES: Record<AreaUnit, number> = { ha: 1, 'm²': 1 / 10_000 };

/** The default tolerance of the consistency check: 1% of the output computed from area × yield. */
export const DEFAULT_TOLERANCE = 0.01;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, '');

const massAliases: Record<string, MassUnit> = { kg: 'kg', kilogam: 'kg', ta: 'tạ', tan: 'tấn', t: 'tấn' };
const areaAliases: Record<string, AreaUnit> = { ha: 'ha', hecta: 'ha', 'hec-ta': 'ha', hectare: 'ha', m2: 'm²', 'm²': 'm²' };

/** "Tấn", "tan", "T" → "tấn"; null for anything else. */
export function parseMassUnit(text: string): MassUnit | null {
  return massAliases[fold(text)] ?? null;
}

export function parseAreaUnit(text: string): AreaUnit | null {
  return areaAliases[fold(text)] ?? null;
}

/** "tạ/ha", "Tạ / ha", "ta/ha" → "tạ/ha"; null for anything else. */
export function parseYieldUnit(text: string): YieldUnit | null {
  const [mass, area, ...rest] = fold(text).split('/');
  if (rest.length || !mass || !area || parseAreaUnit(area) !== 'ha') return null;
  const unit = parseMassUnit(mass);
  return unit ? (`${unit}/ha` as YieldUnit) : null;
}

export function convertMass(value: number, from: MassUnit, to: MassUnit): number {
  return (value * KILOGRAMS[from]) / KILOGRAMS[to];
}

export function convertArea(value: number, from: AreaUnit, to: AreaUnit): number {
  return (value * HECTARES[from]) / HECTARES[to];
}

export function convertYield(value: number, from: YieldUnit, to: YieldUnit): number {
  return convertMass(value, from.split('/')[0] as MassUnit, to.split('/')[0] as MassUnit);
}

/** Output in tấn of `areaHa` hectares at `yieldTaPerHa` tạ per hectare. */
export function outputTonnes(areaHa: number, yieldTaPerHa: number): number {
  return convertMass(areaHa * yieldTaPerHa, 'tạ', 'tấn');
}

export interface Quantity<U extends string = string> {
  value: number;
  unit: U;
}

export interface ConsistencyCheck {
  /** area × yield, in tấn */
  expectedTonnes: number;
  /** the plan's output, in tấn */
  declaredTonnes: number;
  /** declared − expected, in tấn */
  differenceTonnes: number;
  /** |difference| ÷ expected (Infinity when expected is 0 and declared is not) */
  relativeDifference: number;
  consistent: boolean;
}

/**
 * Compares the declared output with area × yield. Consistent when the difference is at most
 * `tolerance` (a fraction, 0.01 = 1%) of the computed output. Rounding in the plan's figures
 * ("13,2 tạ/ha") is why there is a tolerance at all.
 */
export function checkProductionConsistency(
  area: Quantity<AreaUnit>,
  yieldPerArea: Quantity<YieldUnit>,
  output: Quantity<MassUnit>,
  tolerance = DEFAULT_TOLERANCE,
): ConsistencyCheck {
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${tolerance}`);
  const expectedTonnes = outputTonnes(convertArea(area.value, area.unit, 'ha'), convertYield(yieldPerArea.value, yieldPerArea.unit, 'tạ/ha'));
  const declaredTonnes = convertMass(output.value, output.unit, 'tấn');
  const differenceTonnes = declaredTonnes - expectedTonnes;
  const relativeDifference =
    expectedTonnes === 0 ? (declaredTonnes === 0 ? 0 : Number.POSITIVE_INFINITY) : Math.abs(differenceTonnes) / expectedTonnes;
  // A relative epsilon absorbs binary floating point (50 × 13,2 = 660.0000000000001).
  return { expectedTonnes, declaredTonnes, differenceTonnes, relativeDifference, consistent: relativeDifference <= tolerance + 1e-9 };
}

// ---------------------------------------------------------------------------------------------
// Vietnamese numbers: comma for decimals, dot (or space) for thousands: "13,2", "1.234,5".

const GROUPED = /^\d{1,3}([. ]\d{3})+(,\d+)?$/;
const PLAIN_COMMA = /^\d+(,\d+)?$/;
// Lenient: "13.2" (a dot followed by other than three digits) is a decimal point, as typed on
// an English keyboard or exported by a spreadsheet; "1.234" stays one thousand two hundred.
const PLAIN_DOT = /^\d+\.(\d{1,2}|\d{4,})$/;

/** The number a Vietnamese text writes, or null when it is not one. Also accepts JS numbers. */
export function parseVietnameseNumber(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const text = input.trim().replace(/\u00a0/g, ' ');
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1).trim() : text;
  let normalized: string;
  if (GROUPED.test(body)) normalized = body.replace(/[. ]/g, '').replace(',', '.');
  else if (PLAIN_COMMA.test(body)) normalized = body.replace(',', '.');
  else if (PLAIN_DOT.test(body)) normalized = body;
  else return null;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  return negative ? -value : value;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** 1234.5 → "1.234,5" (at most `fractionDigits` decimals). */
export function formatVietnameseNumber(value: number, fractionDigits = 3): string {
  let format = formatters.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: fractionDigits });
    formatters.set(fractionDigits, format);
  }
  return format.format(value);
}

/** The warning shown beside a production line that does not add up (Vietnamese and English). */
export function consistencyWarning(
  productName: string,
  area: Quantity<AreaUnit>,
  yieldPerArea: Quantity<YieldUnit>,
  output: Quantity<MassUnit>,
  check: ConsistencyCheck,
  tolerance = DEFAULT_TOLERANCE,
): { message: string; messageEn: string } {
  const n = (value: number) => formatVietnameseNumber(value);
  const percent = formatVietnameseNumber(tolerance * 100, 2);
  return {
    message:
      `${productName}: ${n(area.value)} ${area.unit} × ${n(yieldPerArea.value)} ${yieldPerArea.unit} = ${n(check.expectedTonnes)} tấn, ` +
      `nhưng kế hoạch ghi sản lượng ${n(output.value)} ${output.unit}` +
      (output.unit === 'tấn' ? '' : ` (${n(check.declaredTonnes)} tấn)`) +
      `; chênh lệch ${n(Math.abs(check.differenceTonnes))} tấn, vượt ${percent}%. Đề nghị kiểm tra lại diện tích, năng suất hoặc sản lượng.`,
    messageEn:
      `${productName}: ${area.value} ${area.unit} × ${yieldPerArea.value} ${yieldPerArea.unit} = ${check.expectedTonnes} t, ` +
      `but the plan states ${output.value} ${output.unit}; the difference exceeds ${tolerance * 100}%.`,
  };
}
