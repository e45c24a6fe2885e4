/**
 * Builds the reference data of Decision 26/2026/QĐ-TTg from the transcript in ../shared/reference:
 *   data/classification/26-2026.json            Phụ lục I (sectors → groups → subgroups → 26 product sets)
 *   data/criteria-sheets/26-2026/NN-slug.json    Phụ lục II, one criteria sheet per product set
 *   data/criteria-sheets/26-2026/NOTES.md        every ambiguity and every correction, per sheet
 *
 * The HTML transcript is parsed (its table cells keep criterion rows and point cells apart; the .txt
 * flattens cells into "|"-separated lines and wraps text mid-cell). The .txt is used as a cross-check:
 * every extracted label must occur in it. Both files' sha256 are recorded in every output.
 *
 * Values printed in the decision that cannot all be true at once (e.g. an option worth 13 in a
 * criterion worth 3) are fixed only through the CORRECTIONS table below, which states the reason and
 * fails if the source no longer says what the correction expects. Every correction and every
 * ambiguity lands in the sheet's `notes` and in NOTES.md — nothing is changed silently.
 *
 * Run: npx tsx scripts/extract-criteria-sheets.ts   (--check: verify without writing; --verbose [--all]: print notes)
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldVietnamese } from '../src/core/text.ts';
import {
  classificationSchema,
  type Classification,
  type CriteriaSheet,
  type Criterion,
  type CriterionOption,
  type Disqualification,
  type Part,
  type PartCode,
  type Section,
  type SheetNote,
  type StarMarker,
  type StopRule,
} from '../src/features/rule-sets/criteria-sheet.ts';
import { validateCriteriaSheet } from '../src/features/rule-sets/validate-criteria-sheet.ts';

const RULE_SET_ID = '26-2026';
const DOCUMENT = 'Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ';
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const referenceDir = resolve(repoRoot, '../shared/reference');
const htmlPath = resolve(referenceDir, 'decision-26-2026-QD-TTg.html');
const txtPath = resolve(referenceDir, 'decision-26-2026-QD-TTg.txt');
const sheetsDir = resolve(repoRoot, 'data/criteria-sheets', RULE_SET_ID);
const classificationPath = resolve(repoRoot, 'data/classification', `${RULE_SET_ID}.json`);

// ---------------------------------------------------------------------------------------------
// Corrections: each one names the sheet, the place, the value the source prints and the value used.
// ---------------------------------------------------------------------------------------------

interface Correction {
  set: number;
  /** Criterion code (or section code for a section maximum, or part letter for a part maximum). */
  target: string;
  /** 'option' changes an option's points; 'criterionMax' / 'sectionMax' / 'partMax' change a maximum. */
  kind: 'option' | 'criterionMax' | 'sectionMax' | 'partMax';
  /** For options: the option's position (0-based) in the printed order. */
  optionIndex?: number;
  from: number | null;
  to: number;
  reason: string;
}

const unprintedZero = (set: number): Correction => ({
  set,
  target: '1.2',
  kind: 'option',
  optionIndex: 0,
  from: null,
  to: 0,
  reason:
    'Ô điểm của phương án "Không được cấp giấy chứng nhận chất lượng" để trống. Tiêu chí tối đa 2 điểm, hai phương án còn lại 1 và 2; ' +
    'phương án giống hệt ở các bộ 1, 3, 6, 8, 12, 13, 18 được 0 điểm. Không có chứng nhận thì không có điểm: dùng 0.',
});

const CORRECTIONS: Correction[] = [
  unprintedZero(4),
  unprintedZero(7),
  unprintedZero(10),
  unprintedZero(11),
  {
    set: 4,
    target: '7',
    kind: 'option',
    optionIndex: 2,
    from: 13,
    to: 3,
    reason:
      'Phương án "Có trên 2 chỉ tiêu" in 13 điểm trong khi mục 7 DINH DƯỠNG tối đa 3 điểm và Phần C chỉ cộng đủ 35 khi mục 7 bằng 3; ' +
      'phương án giống hệt ở bộ 1 và 3 được 3 điểm. Coi "13" là lỗi đánh máy của "3".',
  },
  {
    set: 11,
    target: '6.1.1',
    kind: 'option',
    optionIndex: 1,
    from: 11,
    to: 1,
    reason:
      'Phương án "Có rất ít tạp chất, chấp nhận được" in 11 điểm trong khi tiêu chí 6.1.1 tối đa 2 điểm và nằm giữa hai phương án 0 và 2; ' +
      'phương án giống hệt ở bộ 4 (tiêu chí 6.1 tối đa 2) được 1 điểm. Coi "11" là lỗi đánh máy của "1".',
  },
];

// ---------------------------------------------------------------------------------------------
// HTML tokenizer (the transcript is regular Word-exported HTML: <p> paragraphs and 2-column tables)
// ---------------------------------------------------------------------------------------------

interface Paragraph {
  text: string;
  italic: boolean;
}
type Token = { kind: 'paragraph'; paragraph: Paragraph } | { kind: 'table'; rows: Paragraph[][][] };

function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, '&');
}

export function cleanText(html: string): string {
  return decodeEntities(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

function toParagraph(html: string): Paragraph {
  return { text: cleanText(html), italic: /<i>/.test(html) };
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /<table[\s\S]*?<\/table>|<p[\s>][\s\S]*?<\/p>/g;
  for (const match of html.matchAll(pattern)) {
    const block = match[0];
    if (block.startsWith('<table')) {
      const rows = (block.match(/<tr[\s\S]*?<\/tr>/g) ?? []).map((row) =>
        (row.match(/<td[\s\S]*?<\/td>/g) ?? []).map((cell) =>
          (cell.match(/<p[\s>][\s\S]*?<\/p>/g) ?? [cell]).map(toParagraph).filter((p) => p.text !== ''),
        ),
      );
      tokens.push({ kind: 'table', rows });
    } else {
      tokens.push({ kind: 'paragraph', paragraph: toParagraph(block) });
    }
  }
  return tokens;
}

function findParagraph(tokens: Token[], predicate: (text: string) => boolean, from = 0): number {
  for (let index = from; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.kind === 'paragraph' && predicate(token.paragraph.text)) return index;
  }
  return -1;
}

function findTable(tokens: Token[], from: number): { index: number; rows: Paragraph[][][] } {
  for (let index = from; index < tokens.length; index += 1) {
    const token = tokens[index];
    if (token?.kind === 'table') return { index, rows: token.rows };
  }
  throw new Error(`no table after token ${from}`);
}

const cellText = (cell: Paragraph[] | undefined): string => (cell ?? []).map((p) => p.text).join(' ').trim();

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function slugify(name: string): string {
  const words = foldVietnamese(name).replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > 60) break;
    slug = next;
  }
  return slug;
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
function optionLetter(index: number): string {
  const letter = letters[index];
  if (letter === undefined) throw new Error(`too many options (${index + 1})`);
  return letter;
}

/** Splits on a separator (anchored with ^) only outside parentheses: "(hoặc tương đương)" stays whole. */
function splitOutsideParentheses(text: string, separator: RegExp): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const match = separator.exec(text.slice(index));
      if (match && match.index === 0) {
        pieces.push(text.slice(start, index));
        index += match[0].length - 1;
        start = index + 1;
      }
    }
  }
  pieces.push(text.slice(start));
  return pieces.map((piece) => piece.trim()).filter((piece) => piece !== '');
}

// ---------------------------------------------------------------------------------------------
// Phụ lục I: classification tree
// ---------------------------------------------------------------------------------------------

interface ClassificationLeaf {
  sector: string;
  group: string;
  subgroup: string | null;
  name: string;
  leadMinistries: string[];
}

function parseClassification(tokens: Token[]): {
  sectors: Array<{ code: string; name: string; groups: Array<{ code: string; name: string; leadMinistries: string[]; subgroups: Array<{ code: string; name: string; leadMinistries: string[] }> }> }>;
  leaves: ClassificationLeaf[];
  leadMinistryBasis: string;
} {
  const start = findParagraph(tokens, (text) => text === 'PHỤ LỤC I');
  if (start < 0) throw new Error('PHỤ LỤC I not found');
  const { index: tableIndex, rows } = findTable(tokens, start);
  const sectors: ReturnType<typeof parseClassification>['sectors'] = [];
  for (const row of rows.slice(1)) {
    const code = cellText(row[0]);
    const label = cellText(row[1]);
    const ministries = cellText(row[2])
      .split(';')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    if (/^[IVX]+$/.test(code)) {
      sectors.push({ code, name: label, groups: [] });
    } else if (/^\d+$/.test(code)) {
      const sector = sectors.at(-1);
      if (!sector) throw new Error(`group ${code} before any sector`);
      sector.groups.push({ code, name: label.replace(/^Nhóm:\s*/, ''), leadMinistries: ministries, subgroups: [] });
    } else if (/^[a-z]$/.test(code)) {
      const group = sectors.at(-1)?.groups.at(-1);
      if (!group) throw new Error(`subgroup ${code} before any group`);
      group.subgroups.push({ code, name: label.replace(/^Phân nhóm:\s*/, ''), leadMinistries: ministries });
    } else {
      throw new Error(`unexpected Phụ lục I row: ${code} | ${label}`);
    }
  }
  const leaves: ClassificationLeaf[] = [];
  for (const sector of sectors) {
    for (const group of sector.groups) {
      if (group.subgroups.length === 0) {
        leaves.push({ sector: sector.code, group: group.code, subgroup: null, name: group.name, leadMinistries: group.leadMinistries });
      }
      for (const subgroup of group.subgroups) {
        leaves.push({ sector: sector.code, group: group.code, subgroup: subgroup.code, name: subgroup.name, leadMinistries: subgroup.leadMinistries });
      }
    }
  }
  const footnoteIndex = findParagraph(tokens, (text) => /^1 Theo Nghị định/.test(text), tableIndex);
  const footnote = tokens[footnoteIndex];
  if (footnote?.kind !== 'paragraph') throw new Error('Phụ lục I footnote not found');
  return { sectors, leaves, leadMinistryBasis: footnote.paragraph.text.replace(/^1\s+/, '') };
}

// ---------------------------------------------------------------------------------------------
// Phụ lục II: criteria sheets
// ---------------------------------------------------------------------------------------------

interface RawSheet {
  number: number;
  heading: string;
  classificationLine: string;
  headerDisqualifications: string[];
  rows: Paragraph[][][];
  footnote: string | null;
}

function splitSheets(tokens: Token[]): { tableOfContents: Map<number, string>; sheets: RawSheet[] } {
  const start = findParagraph(tokens, (text) => text === 'PHỤ LỤC II');
  const end = findParagraph(tokens, (text) => text === 'PHỤ LỤC III', start);
  if (start < 0 || end < 0) throw new Error('PHỤ LỤC II / III not found');
  const toc = findTable(tokens, start);
  const tableOfContents = new Map<number, string>();
  for (const row of toc.rows.slice(1)) {
    const number = Number(cellText(row[0]));
    tableOfContents.set(number, cellText(row[1]).replace(/^Bộ sản phẩm:\s*/, ''));
  }
  const headingIndexes: number[] = [];
  for (let index = toc.index + 1; index < end; index += 1) {
    const token = tokens[index];
    if (token?.kind !== 'paragraph' || !/^\d+\.\s/.test(token.paragraph.text)) continue;
    const next = findParagraph(tokens, (text) => text !== '', index + 1);
    const nextToken = tokens[next];
    if (nextToken?.kind === 'paragraph' && nextToken.paragraph.text.startsWith('(Sản phẩm')) headingIndexes.push(index);
  }
  const sheets = headingIndexes.map((headingIndex, position): RawSheet => {
    const stop = headingIndexes[position + 1] ?? end;
    const heading = (tokens[headingIndex] as { paragraph: Paragraph }).paragraph.text;
    const number = Number(/^(\d+)\./.exec(heading)?.[1]);
    let classificationLine = '';
    const headerDisqualifications: string[] = [];
    let rows: Paragraph[][][] | null = null;
    let footnote: string | null = null;
    for (let index = headingIndex + 1; index < stop; index += 1) {
      const token = tokens[index];
      if (!token) continue;
      if (token.kind === 'table') {
        if (cellText(token.rows[0]?.[0]) === 'Các tiêu chí') rows = token.rows;
        continue;
      }
      const text = token.paragraph.text;
      if (text.startsWith('(Sản phẩm') && classificationLine === '') classificationLine = text;
      else if (/^(Hồ sơ bị|Bị) loại khi/.test(text)) headerDisqualifications.push(text);
      else if (/^Ghi chú: Dấu sao/.test(text)) footnote = text;
    }
    if (!rows) throw new Error(`sheet ${number}: criteria table not found`);
    return { number, heading, classificationLine, headerDisqualifications, rows, footnote };
  });
  return { tableOfContents, sheets };
}

interface ParseContext {
  set: number;
  notes: SheetNote[];
  disqualifications: Disqualification[];
  stopRules: StopRule[];
}

const where = (set: number, detail?: string): string =>
  `Phụ lục II mục ${set}${detail ? `, ${detail}` : ''}`;

function parseStars(label: string): { label: string; minStars: StarMarker | null; spaced: boolean; count: number } {
  const match = /\s*((?:\*\s*){1,})$/.exec(label);
  if (!match || match[1] === undefined) return { label, minStars: null, spaced: false, count: 0 };
  const stars = match[1].replace(/\s/g, '');
  const count = stars.length;
  const cleaned = label.slice(0, match.index).trim();
  const minStars = count === 3 || count === 4 || count === 5 ? (count as StarMarker) : null;
  return { label: cleaned, minStars, spaced: /\*\s+\*/.test(match[1]), count };
}

function parsePoints(cell: Paragraph[] | undefined): { value: number | null; extra: string[] } {
  const texts = (cell ?? []).map((p) => p.text).filter((text) => text !== '');
  if (texts.length === 0) return { value: null, extra: [] };
  const [first, ...extra] = texts;
  const value = first !== undefined && /^\d+(\.\d+)?$/.test(first) ? Number(first) : null;
  return { value, extra: value === null && first !== undefined ? [first, ...extra] : extra };
}

const DISQUALIFICATION_IDS: Array<[RegExp, string]> = [
  [/^giả mạo hồ sơ/i, 'forged-dossier'],
  [/GMP/, 'production-certificate-gmp'],
  [/an toàn thực phẩm/i, 'food-safety-certificate'],
  [/giấy phép sản xuất/i, 'production-licence'],
  [/điều kiện bắt buộc để sản xuất/i, 'mandatory-production-conditions'],
  [/công bố chất lượng/i, 'quality-declaration-labelling-advertising'],
  [/công bố sản phẩm/i, 'product-declaration'],
  [/hồ sơ đăng ký/i, 'registration-dossier'],
  [/toàn bộ nguyên liệu nhập khẩu/i, 'imported-or-unknown-raw-materials'],
  [/giống hệt sản phẩm/i, 'copied-product'],
  [/vi phạm sở hữu trí tuệ/i, 'intellectual-property-violation'],
];

function addDisqualification(context: ParseContext, text: string, criterion: string | undefined, sourceWhere: string): void {
  const entry = DISQUALIFICATION_IDS.find(([pattern]) => pattern.test(text));
  let id = entry?.[1] ?? `disqualification-${context.disqualifications.length + 1}`;
  if (!entry) {
    context.notes.push({ where: sourceWhere, kind: 'modelling', text: `Điều kiện loại không khớp mẫu nào, đặt id "${id}": ${text}` });
  }
  if (context.disqualifications.some((item) => item.id === id)) id = `${id}-${criterion ?? 'header'}`;
  context.disqualifications.push({ id, text, ...(criterion ? { criterion } : {}) });
}

function parseHeaderDisqualifications(raw: RawSheet, context: ParseContext): void {
  const unique = [...new Set(raw.headerDisqualifications)];
  if (unique.length < raw.headerDisqualifications.length) {
    context.notes.push({
      where: where(raw.number, 'đầu phiếu'),
      kind: 'ambiguity',
      text: 'Câu "Hồ sơ bị loại khi…" được in hai lần, giống hệt nhau; chỉ lấy một lần.',
    });
  }
  if (unique.length === 0) {
    context.notes.push({
      where: where(raw.number, 'đầu phiếu'),
      kind: 'ambiguity',
      text: 'Phiếu không in câu "Hồ sơ bị loại khi…" (các bộ khác đều có); không suy ra điều kiện loại nào cho đầu phiếu.',
    });
  }
  for (const sentence of unique) {
    const body = sentence.replace(/^(Hồ sơ bị|Bị) loại khi:\s*/, '');
    if (sentence.startsWith('Bị loại khi')) {
      context.notes.push({ where: where(raw.number, 'đầu phiếu'), kind: 'ambiguity', text: `Đầu phiếu in "Bị loại khi:" thay cho "Hồ sơ bị loại khi:".` });
    }
    // The sentence lists alternatives joined by "hoặc" / ";" — each becomes one reason a member can flag.
    const pieces = splitOutsideParentheses(body, /^(?:;\s*(?:hoặc\s+)?|\s+hoặc\s+)/).map((piece) =>
      piece.replace(/^hoặc\s+/, '').replace(/[.;]$/, '').trim(),
    );
    context.notes.push({
      where: where(raw.number, 'đầu phiếu'),
      kind: 'modelling',
      text: `Câu điều kiện loại được tách theo "hoặc"/";" thành ${pieces.length} lý do: "${sentence}"`,
    });
    for (const piece of pieces) {
      if (!/^(Giả mạo|không)/i.test(piece)) {
        context.notes.push({
          where: where(raw.number, 'đầu phiếu'),
          kind: 'ambiguity',
          text: `Vế "${piece}" của câu điều kiện loại không có động từ phủ định ("không có…", "không đáp ứng…") như các vế khác; nghĩa chưa rõ, giữ nguyên văn làm một lý do loại.`,
        });
      }
      addDisqualification(context, piece, undefined, where(raw.number, 'đầu phiếu'));
    }
  }
}

type Classified =
  | { kind: 'header' }
  | { kind: 'total'; points: number | null }
  | { kind: 'part'; code: PartCode; name: string; stated: number | null; points: number | null }
  | { kind: 'section'; code: string; name: string; extra: Paragraph[]; points: number | null; extraPoints: string[] }
  | { kind: 'criterion'; code: string; name: string; extra: Paragraph[]; points: number | null; extraPoints: string[] }
  | { kind: 'option'; label: string; extra: Paragraph[]; points: number | null; extraPoints: string[] }
  | { kind: 'variant'; id: string; label: string }
  | { kind: 'text'; text: string };

function classifyRow(row: Paragraph[][]): Classified {
  const first = row[0] ?? [];
  const [head, ...extra] = first;
  const text = head?.text ?? '';
  const { value: points, extra: extraPoints } = parsePoints(row[1]);
  if (text === 'Các tiêu chí') return { kind: 'header' };
  if (/^TỔNG CỘNG/.test(text)) return { kind: 'total', points };
  const part = /^Phần\s+([ABC])\b\s*:?\s*(.*)$/i.exec(cellText(first));
  if (part) {
    const name = (part[2] ?? '').trim();
    const stated = /\((\d+)\s*điểm\)/i.exec(name);
    return {
      kind: 'part',
      code: (part[1] ?? '').toUpperCase() as PartCode,
      name: name.replace(/\s*\(\d+\s*điểm\)\s*$/i, '').trim(),
      stated: stated ? Number(stated[1]) : null,
      points,
    };
  }
  const criterion = /^(\d+\.\d+(?:\.\d+)?)\.?\s+(.+)$/.exec(text);
  if (criterion) return { kind: 'criterion', code: criterion[1] ?? '', name: (criterion[2] ?? '').trim(), extra, points, extraPoints };
  const section = /^(\d+)\.?\s+(\S.*)$/.exec(text);
  if (section) return { kind: 'section', code: section[1] ?? '', name: (section[2] ?? '').trim(), extra, points, extraPoints };
  const option = /^[□o]\s+(.+)$/.exec(text);
  if (option) return { kind: 'option', label: (option[1] ?? '').trim(), extra, points, extraPoints };
  const variant = /^([a-z])\.\s*(Trường hợp.*)$/.exec(text);
  if (variant) return { kind: 'variant', id: variant[1] ?? '', label: (variant[2] ?? '').trim() };
  return { kind: 'text', text: cellText(first) };
}

interface MutableCriterion extends Criterion {
  children?: MutableCriterion[];
  printedMax: number | null;
  implicit?: boolean;
  currentVariant?: string;
}

function parseSheet(raw: RawSheet, tableOfContents: Map<number, string>): { sheet: CriteriaSheet; context: ParseContext } {
  const context: ParseContext = { set: raw.number, notes: [], disqualifications: [], stopRules: [] };
  const w = (detail?: string): string => where(raw.number, detail);
  parseHeaderDisqualifications(raw, context);

  const parts: Array<Part & { printedMax: number | null }> = [];
  let section: (Section & { printedMax: number | null; criteria: MutableCriterion[] }) | null = null;
  let criterion: MutableCriterion | null = null;
  let child: MutableCriterion | null = null;
  let statedTotal: number | null = null;
  const implicitSections: string[] = [];

  const target = (): MutableCriterion | null => child ?? criterion;
  const ensureImplicitCriterion = (): MutableCriterion => {
    if (!section) throw new Error(`sheet ${raw.number}: option before any section`);
    const implicit: MutableCriterion = {
      code: section.code,
      name: section.name,
      ...(section.description ? { description: section.description } : {}),
      maxPoints: section.maxPoints,
      printedMax: section.printedMax,
      implicit: true,
      options: [],
    };
    section.criteria.push(implicit);
    implicitSections.push(section.code);
    criterion = implicit;
    return implicit;
  };

  /** Extra paragraphs in a header cell; returns the "Ghi chú" ones for the caller to interpret. */
  const addExtraParagraphs = (owner: { description?: string | undefined; requirement?: string | undefined }, extra: Paragraph[], detail: string): string[] => {
    const remarks: string[] = [];
    for (const paragraph of extra) {
      const text = paragraph.text;
      if (/^Yêu cầu\s*:/.test(text)) owner.requirement = text.replace(/^Yêu cầu\s*:\s*/, '');
      else if (/^(Ghi chú|Chú ý)\s*:/.test(text)) remarks.push(text);
      else if (owner.description === undefined) owner.description = text;
      else {
        owner.description = `${owner.description} ${text}`;
        context.notes.push({ where: w(detail), kind: 'modelling', text: `Hai đoạn mô tả được nối: "${text}"` });
      }
    }
    return remarks;
  };

  const handleRemark = (text: string, owner: MutableCriterion | null, detail: string): void => {
    const holder = owner ?? (section ? ensureImplicitCriterion() : null);
    if (!holder) {
      context.notes.push({ where: w(detail), kind: 'ambiguity', text: `Ghi chú không gắn được với tiêu chí nào: ${text}` });
      return;
    }
    (holder.remarks ??= []).push(text);
    const body = text.replace(/^(Ghi chú|Chú ý)\s*:\s*/, '');
    if (/không (xem xét|đánh giá) (các )?(chỉ tiêu khác|bước tiếp theo)/i.test(body)) {
      const rule: StopRule = { id: `stop-${holder.code}`, criterion: holder.code, text: body };
      if (/Nếu được 0 điểm tại một trong các chỉ tiêu trên/i.test(body) && section) {
        // "0 points on any criterion above" — trigger by the zero-point options of this section's criteria.
        const zeroOptions = collectLeaves(section.criteria).flatMap((leaf) => leaf.options.filter((option) => option.points === 0).map((option) => option.id));
        rule.id = `stop-${section.code}`;
        rule.criterion = section.code;
        rule.optionIds = zeroOptions;
        context.notes.push({
          where: w(`tiêu chí ${holder.code}`),
          kind: 'modelling',
          text: `"${body}" được hiểu là: chọn phương án 0 điểm ở bất kỳ tiêu chí nào của mục ${section.code} in phía trên ghi chú thì dừng đánh giá (${zeroOptions.join(', ')}).`,
        });
      } else {
        if (/tạp chất/i.test(body) && !/tạp chất/i.test(holder.name)) {
          context.notes.push({
            where: w(`tiêu chí ${holder.code}`),
            kind: 'ambiguity',
            text: `Ghi chú về tạp chất được in dưới tiêu chí "${holder.name}", không phải tiêu chí tạp chất (phiếu này không có tiêu chí tạp chất); quy tắc dừng được gắn với ${holder.code} theo vị trí in.`,
          });
        }
        context.notes.push({
          where: w(`tiêu chí ${holder.code}`),
          kind: 'modelling',
          text: `Quy tắc dừng "${body}" không tương ứng với phương án nào trong phiếu; thành viên hội đồng phải đánh dấu riêng (stoppedBy).`,
        });
      }
      context.stopRules.push(rule);
    }
    if (/bị loại/i.test(body)) {
      addDisqualification(context, body.replace(/^Bị loại nếu\s*/i, '').replace(/^Nếu\s*/i, ''), holder.code, w(`tiêu chí ${holder.code}`));
    }
  };

  for (const [rowIndex, row] of raw.rows.entries()) {
    const item = classifyRow(row);
    const detail = `dòng ${rowIndex + 1} của bảng`;
    switch (item.kind) {
      case 'header':
        break;
      case 'total':
        statedTotal = item.points;
        break;
      case 'part': {
        if (item.stated !== null && item.points !== null && item.stated !== item.points) {
          context.notes.push({
            where: w(`Phần ${item.code}`),
            kind: 'ambiguity',
            text: `Tiêu đề ghi "(${item.stated} Điểm)" nhưng cột thang điểm ghi ${item.points}; dùng ${item.points} (Đ.3.1 quy định Phần ${item.code} = ${item.points}) và tổng các mục cũng bằng ${item.points}.`,
          });
        }
        parts.push({ code: item.code, name: item.name, maxPoints: item.points ?? item.stated ?? 0, printedMax: item.points, sections: [] });
        section = null;
        criterion = null;
        child = null;
        break;
      }
      case 'section': {
        const part = parts.at(-1);
        if (!part) throw new Error(`sheet ${raw.number}: section before any part`);
        if (!/^\S+\.\s/.test(row[0]?.[0]?.text ?? '')) {
          context.notes.push({ where: w(`mục ${item.code}`), kind: 'ambiguity', text: `Mã mục in thiếu dấu chấm: "${row[0]?.[0]?.text}".` });
        }
        if (item.extraPoints.length > 0) {
          context.notes.push({ where: w(`mục ${item.code}`), kind: 'ambiguity', text: `Cột thang điểm của mục có thêm giá trị "${item.extraPoints.join(' / ')}"; bỏ qua.` });
        }
        const created = { code: item.code, name: item.name, maxPoints: item.points ?? 0, printedMax: item.points, criteria: [] as MutableCriterion[] } as Section & { printedMax: number | null; criteria: MutableCriterion[] };
        const holder: { description?: string; requirement?: string } = {};
        const remarks = addExtraParagraphs(holder, item.extra, `mục ${item.code}`);
        if (holder.description) created.description = holder.description;
        if (holder.requirement || remarks.length > 0) {
          context.notes.push({ where: w(`mục ${item.code}`), kind: 'modelling', text: `Yêu cầu/ghi chú in ở dòng tiêu đề mục được gắn vào mô tả: ${[holder.requirement, ...remarks].filter(Boolean).join(' ')}` });
          created.description = [created.description, holder.requirement, ...remarks].filter(Boolean).join(' ');
        }
        part.sections.push(created as Section);
        section = created;
        criterion = null;
        child = null;
        break;
      }
      case 'criterion': {
        if (!section) throw new Error(`sheet ${raw.number}: criterion ${item.code} before any section`);
        const created: MutableCriterion = { code: item.code, name: item.name, maxPoints: item.points ?? 0, printedMax: item.points, options: [] };
        const remarks = addExtraParagraphs(created, item.extra, `tiêu chí ${item.code}`);
        if (item.extraPoints.length > 0) {
          context.notes.push({
            where: w(`tiêu chí ${item.code}`),
            kind: 'ambiguity',
            text: `Cột thang điểm in "${[item.points, ...item.extraPoints].join(' / ')}"; dùng giá trị đầu ${item.points}, giá trị sau không thuộc phương án nào.`,
          });
        }
        const depth = item.code.split('.').length;
        if (depth === 3) {
          const parent = criterion;
          if (!parent || !item.code.startsWith(`${parent.code}.`)) throw new Error(`sheet ${raw.number}: ${item.code} outside its parent`);
          (parent.children ??= []).push(created);
          child = created;
        } else {
          if (!item.code.startsWith(`${section.code}.`)) {
            context.notes.push({ where: w(`tiêu chí ${item.code}`), kind: 'ambiguity', text: `Tiêu chí ${item.code} nằm trong mục ${section.code}.` });
          }
          section.criteria.push(created);
          criterion = created;
          child = null;
        }
        for (const remark of remarks) handleRemark(remark, created, `tiêu chí ${item.code}`);
        break;
      }
      case 'variant': {
        const owner = target() ?? ensureImplicitCriterion();
        (owner.variants ??= []).push({ id: item.id, label: item.label });
        owner.currentVariant = item.id;
        break;
      }
      case 'option': {
        const owner = target() ?? ensureImplicitCriterion();
        const stars = parseStars(item.label);
        const optionWhere = `tiêu chí ${owner.code}, phương án "${stars.label.slice(0, 60)}${stars.label.length > 60 ? '…' : ''}"`;
        if (stars.count > 0 && stars.minStars === null) {
          context.notes.push({ where: w(optionWhere), kind: 'ambiguity', text: `Dấu sao có ${stars.count} ký tự "*"; không phải 3/4/5, bỏ qua.` });
        }
        if (stars.spaced) {
          context.notes.push({ where: w(optionWhere), kind: 'ambiguity', text: `Dấu sao in cách quãng ("* * * *"); đọc là ${stars.count} sao.` });
        }
        const label = stars.label;
        if (/:$/.test(label)) {
          context.notes.push({
            where: w(optionWhere),
            kind: 'ambiguity',
            text: 'Phương án kết thúc bằng ":" (có thể thiếu dấu sao hoặc phần nội dung); giữ nguyên như văn bản, không gán dấu sao.',
          });
        }
        for (const paragraph of item.extra) handleRemark(paragraph.text, owner, optionWhere);
        if (item.extraPoints.length > 0) {
          context.notes.push({ where: w(optionWhere), kind: 'ambiguity', text: `Cột điểm in thêm "${item.extraPoints.join(' / ')}"; bỏ qua.` });
        }
        const option: CriterionOption = {
          id: `${owner.code}.${optionLetter(owner.options.length)}`,
          label,
          points: item.points ?? Number.NaN,
          minStars: stars.minStars,
          ...(owner.currentVariant ? { variant: owner.currentVariant } : {}),
        };
        owner.options.push(option);
        break;
      }
      case 'text': {
        const owner = target();
        const text = item.text;
        if (/^Yêu cầu\s*:/.test(text) && owner) {
          owner.requirement = text.replace(/^Yêu cầu\s*:\s*/, '');
        } else if (/^(Ghi chú|Chú ý)\s*:/.test(text)) {
          handleRemark(text, owner, detail);
        } else if (/^Chỉ áp dụng khi/.test(text) && owner) {
          owner.appliesWhen = { criterion: '', text };
        } else if (/^Lựa chọn một trong/.test(text)) {
          (owner ?? ensureImplicitCriterion()).variantInstruction = text;
        } else if (/^\(/.test(text) && owner && owner.options.length === 0 && owner.description === undefined) {
          owner.description = text;
        } else if (/^\(/.test(text) && !owner && section && section.description === undefined) {
          section.description = text;
        } else {
          context.notes.push({ where: w(detail), kind: 'ambiguity', text: `Dòng không phân loại được, giữ làm ghi chú: "${text}"` });
          if (owner) (owner.remarks ??= []).push(text);
        }
        break;
      }
    }
  }

  if (implicitSections.length > 0) {
    context.notes.push({
      where: w(`mục ${implicitSections.join(', ')}`),
      kind: 'modelling',
      text: `Các mục ${implicitSections.join(', ')} liệt kê phương án trực tiếp, không có tiêu chí con; mỗi mục được mô hình hóa thành một tiêu chí cùng mã với mục (ví dụ tiêu chí "${implicitSections[0]}").`,
    });
  }
  for (const part of parts) {
    for (const sec of part.sections) {
      for (const item of [sec, ...collectLeaves(sec.criteria as MutableCriterion[])]) {
        if (item.description && /^Áp dụng bắt buộc/i.test(item.description)) {
          context.notes.push({
            where: w(`mục ${sec.code}`),
            kind: 'ambiguity',
            text: `Mô tả "${item.description}" gợi ý tiêu chí chỉ áp dụng cho sản phẩm bắt buộc công bố chất lượng, nhưng phiếu không nói cách chấm khi không bắt buộc; vẫn chấm như tiêu chí thường.`,
          });
        }
      }
    }
  }
  if (statedTotal !== 100) {
    context.notes.push({ where: w('dòng TỔNG CỘNG'), kind: 'ambiguity', text: `Dòng TỔNG CỘNG ghi ${statedTotal ?? '(trống)'}.` });
  }

  // Conditional criteria: "Chỉ áp dụng khi có câu chuyện sản phẩm" — the story criterion is the one in
  // the same section whose option reads "Không có câu chuyện sản phẩm".
  for (const part of parts) {
    for (const sec of part.sections) {
      for (const leaf of collectLeaves(sec.criteria as MutableCriterion[])) {
        if (!leaf.appliesWhen) continue;
        const story = collectLeaves(sec.criteria as MutableCriterion[]).find((candidate) =>
          candidate.options.some((option) => /^Không có câu chuyện/i.test(option.label)),
        );
        const none = story?.options.filter((option) => /^Không có câu chuyện/i.test(option.label)) ?? [];
        if (story && none.length > 0) {
          leaf.appliesWhen = { criterion: story.code, notOptionIds: none.map((option) => option.id), text: leaf.appliesWhen.text };
        } else {
          throw new Error(`sheet ${raw.number}: cannot resolve "${leaf.appliesWhen.text}" for ${leaf.code}`);
        }
      }
    }
  }

  applyCorrections(raw.number, parts, context);
  detectAnomalies(raw.number, parts, context);

  const tocName = tableOfContents.get(raw.number);
  if (!tocName) throw new Error(`sheet ${raw.number} is not in the Phụ lục II table of contents`);
  const headingName = raw.heading.replace(/^\d+\.\s*/, '').replace(/^Bộ sản phẩm:\s*/, '');
  if (headingName !== tocName) {
    context.notes.push({
      where: w('tiêu đề'),
      kind: 'ambiguity',
      text: `Tiêu đề phiếu "${raw.heading}" khác tên trong danh mục đầu Phụ lục II "${tocName}"; dùng tên trong danh mục.`,
    });
  }
  if (raw.footnote === null) {
    context.notes.push({
      where: w('cuối phiếu'),
      kind: 'ambiguity',
      text: 'Phiếu không in chú thích "Dấu sao là yêu cầu tối thiểu…"; các dấu sao trong phiếu vẫn được đọc theo chú thích của các phiếu khác.',
    });
  }

  const finish = (criteria: MutableCriterion[]): Criterion[] =>
    criteria.map((item) => {
      const result: Criterion = { code: item.code, name: item.name, maxPoints: item.maxPoints, options: item.options };
      if (item.description !== undefined) result.description = item.description;
      if (item.requirement !== undefined) result.requirement = item.requirement;
      if (item.remarks !== undefined) result.remarks = item.remarks;
      if (item.appliesWhen !== undefined) result.appliesWhen = item.appliesWhen;
      if (item.variantInstruction !== undefined) result.variantInstruction = item.variantInstruction;
      if (item.variants !== undefined) result.variants = item.variants;
      if (item.children !== undefined) result.children = finish(item.children);
      // Key order in the JSON: identity, text, points, structure.
      return {
        code: result.code,
        name: result.name,
        ...(result.description !== undefined ? { description: result.description } : {}),
        ...(result.requirement !== undefined ? { requirement: result.requirement } : {}),
        ...(result.remarks !== undefined ? { remarks: result.remarks } : {}),
        maxPoints: result.maxPoints,
        ...(result.appliesWhen !== undefined ? { appliesWhen: result.appliesWhen } : {}),
        ...(result.variantInstruction !== undefined ? { variantInstruction: result.variantInstruction } : {}),
        ...(result.variants !== undefined ? { variants: result.variants } : {}),
        ...(result.children !== undefined ? { children: result.children } : {}),
        options: result.options,
      };
    });

  const headingInSheet = raw.heading.replace(/^\d+\.\s*/, '');
  const sheet: CriteriaSheet = {
    ruleSetId: RULE_SET_ID,
    productSet: {
      number: raw.number,
      name: tocName,
      ...(headingInSheet !== `Bộ sản phẩm: ${tocName}` ? { headingInSheet } : {}),
      classificationInSheet: raw.classificationLine,
    },
    source: { document: DOCUMENT, location: `Phụ lục II, mục ${raw.number}`, files: [] },
    totalMaxPoints: 100,
    parts: parts.map((part) => ({
      code: part.code,
      name: part.name,
      maxPoints: part.maxPoints,
      sections: part.sections.map((sec) => ({
        code: sec.code,
        name: sec.name,
        ...(sec.description !== undefined ? { description: sec.description } : {}),
        maxPoints: sec.maxPoints,
        criteria: finish(sec.criteria as MutableCriterion[]),
      })),
    })),
    disqualifications: context.disqualifications,
    stopRules: context.stopRules,
    starMarkerFootnote: raw.footnote,
    // A section printed without sub-criteria and its stand-in criterion can raise the same note twice.
    notes: context.notes.filter((note, index, all) => all.findIndex((other) => other.where === note.where && other.text === note.text) === index),
  };
  return { sheet, context };
}

function collectLeaves(criteria: MutableCriterion[]): MutableCriterion[] {
  return criteria.flatMap((item) => (item.children && item.children.length > 0 ? collectLeaves(item.children) : [item]));
}

function findCriterion(parts: Array<Part>, code: string): MutableCriterion | undefined {
  const search = (criteria: MutableCriterion[]): MutableCriterion | undefined => {
    for (const item of criteria) {
      if (item.code === code) return item;
      const found = search(item.children ?? []);
      if (found) return found;
    }
    return undefined;
  };
  for (const part of parts) for (const sec of part.sections) {
    const found = search(sec.criteria as MutableCriterion[]);
    if (found) return found;
  }
  return undefined;
}

function applyCorrections(set: number, parts: Array<Part & { printedMax: number | null }>, context: ParseContext): void {
  for (const correction of CORRECTIONS.filter((item) => item.set === set)) {
    const fail = (message: string): never => {
      throw new Error(`correction for set ${set} ${correction.target}: ${message}`);
    };
    let place: string;
    if (correction.kind === 'option') {
      const criterion = findCriterion(parts, correction.target) ?? fail('criterion not found');
      const option = criterion.options[correction.optionIndex ?? -1] ?? fail('option not found');
      const printed = Number.isNaN(option.points) ? null : option.points;
      if (printed !== correction.from) fail(`source prints ${printed}, correction expects ${correction.from}`);
      option.points = correction.to;
      place = `tiêu chí ${criterion.code}, phương án ${option.id} "${option.label.slice(0, 60)}${option.label.length > 60 ? '…' : ''}"`;
    } else if (correction.kind === 'criterionMax') {
      const criterion = findCriterion(parts, correction.target) ?? fail('criterion not found');
      if (criterion.printedMax !== correction.from) fail(`source prints ${criterion.printedMax}, correction expects ${correction.from}`);
      criterion.maxPoints = correction.to;
      place = `tiêu chí ${criterion.code} (điểm tối đa)`;
    } else if (correction.kind === 'sectionMax') {
      const sec = parts.flatMap((part) => part.sections).find((item) => item.code === correction.target) ?? fail('section not found');
      const printed = (sec as Section & { printedMax: number | null }).printedMax;
      if (printed !== correction.from) fail(`source prints ${printed}, correction expects ${correction.from}`);
      sec.maxPoints = correction.to;
      place = `mục ${sec.code} (điểm tối đa)`;
    } else {
      const part = parts.find((item) => item.code === correction.target) ?? fail('part not found');
      if (part.printedMax !== correction.from) fail(`source prints ${part.printedMax}, correction expects ${correction.from}`);
      part.maxPoints = correction.to;
      place = `Phần ${part.code} (điểm tối đa)`;
    }
    context.notes.push({
      where: where(set, place),
      kind: 'correction',
      text: `Văn bản in ${correction.from ?? '(trống)'}, dùng ${correction.to}. ${correction.reason}`,
    });
  }
}

function detectAnomalies(set: number, parts: Array<Part & { printedMax: number | null }>, context: ParseContext): void {
  const note = (detail: string, text: string): void => {
    context.notes.push({ where: where(set, detail), kind: 'ambiguity', text });
  };
  const visit = (criterion: MutableCriterion): void => {
    if (criterion.children && criterion.children.length > 0) {
      criterion.children.forEach(visit);
      return;
    }
    if (criterion.options.length === 0) {
      // e.g. "2.4. Ghi nhãn hàng hóa có sử dụng song ngữ … | 1" prints no options at all.
      criterion.options = [
        { id: `${criterion.code}.a`, label: 'Không', points: 0, minStars: null, synthesized: true },
        { id: `${criterion.code}.b`, label: 'Có', points: criterion.maxPoints, minStars: null, synthesized: true },
      ];
      note(
        `tiêu chí ${criterion.code}`,
        `Tiêu chí "${criterion.name}" (${criterion.maxPoints} điểm) không in phương án nào; thêm hai phương án "Không" (0) và "Có" (${criterion.maxPoints}), đánh dấu synthesized.`,
      );
      return;
    }
    const byVariant = new Map<string, CriterionOption[]>();
    for (const option of criterion.options) {
      if (Number.isNaN(option.points)) note(`tiêu chí ${criterion.code}, phương án ${option.id}`, `Phương án "${option.label}" không in điểm.`);
      const key = option.variant ?? '';
      byVariant.set(key, [...(byVariant.get(key) ?? []), option]);
    }
    for (const [variant, options] of byVariant) {
      const label = `tiêu chí ${criterion.code}${variant ? ` (trường hợp ${variant})` : ''}`;
      const points = options.map((option) => option.points);
      const duplicates = points.filter((value, index) => points.indexOf(value) !== index);
      if (duplicates.length > 0) {
        note(label, `Hai phương án cùng ${[...new Set(duplicates)].join(', ')} điểm (${options.map((o) => `${o.id}=${o.points}`).join(', ')}); giữ nguyên.`);
      }
      const decreasing = points.some((value, index) => index > 0 && value < (points[index - 1] ?? 0));
      if (decreasing) note(label, `Điểm các phương án không tăng dần theo thứ tự in (${points.join(', ')}).`);
      const marked = options.filter((option) => option.minStars !== null);
      for (const higher of marked) {
        for (const lower of marked) {
          if ((higher.minStars ?? 0) > (lower.minStars ?? 0) && higher.points < lower.points) {
            note(label, `Dấu sao không tăng theo điểm: ${higher.id} (${higher.points} điểm) mang ${higher.minStars} sao, ${lower.id} (${lower.points} điểm) mang ${lower.minStars} sao.`);
          }
        }
      }
    }
    const best = Math.max(...criterion.options.map((option) => option.points));
    if (best !== criterion.maxPoints) {
      note(`tiêu chí ${criterion.code}`, `Điểm tối đa in ${criterion.maxPoints} nhưng phương án cao nhất là ${best}.`);
    }
  };
  for (const part of parts) {
    let partSum = 0;
    for (const sec of part.sections) {
      partSum += sec.maxPoints;
      let sectionSum = 0;
      for (const criterion of sec.criteria as MutableCriterion[]) {
        sectionSum += criterion.maxPoints;
        if (criterion.children && criterion.children.length > 0) {
          const childSum = criterion.children.reduce((sum, item) => sum + item.maxPoints, 0);
          if (childSum !== criterion.maxPoints) note(`tiêu chí ${criterion.code}`, `Điểm tối đa ${criterion.maxPoints} khác tổng tiêu chí con ${childSum}.`);
        }
        visit(criterion);
      }
      if (sectionSum !== sec.maxPoints) note(`mục ${sec.code}`, `Điểm tối đa của mục ${sec.maxPoints} khác tổng các tiêu chí ${sectionSum}.`);
    }
    if (partSum !== part.maxPoints) note(`Phần ${part.code}`, `Điểm tối đa của phần ${part.maxPoints} khác tổng các mục ${partSum}.`);
  }
}

/**
 * The same option text under the same criterion is usually worth the same in every sheet; a sheet that
 * prints a different value than all others is flagged (not changed): scales legitimately differ between
 * product groups, so only the reader can tell a typo from a deliberate difference.
 */
function compareAcrossSheets(sheets: CriteriaSheet[]): void {
  const key = (criterion: Criterion, option: CriterionOption): string =>
    `${criterion.code}|${foldVietnamese(criterion.name)}|${criterion.maxPoints}|${foldVietnamese(option.label).replace(/[^a-z0-9]/g, '')}`;
  const seen = new Map<string, Array<{ set: number; points: number; option: CriterionOption; criterion: Criterion }>>();
  const visit = (set: number, criterion: Criterion): void => {
    for (const option of criterion.options) {
      if (option.synthesized) continue;
      const k = key(criterion, option);
      seen.set(k, [...(seen.get(k) ?? []), { set, points: option.points, option, criterion }]);
    }
    (criterion.children ?? []).forEach((child) => visit(set, child));
  };
  for (const sheet of sheets) for (const part of sheet.parts) for (const sec of part.sections) sec.criteria.forEach((c) => visit(sheet.productSet.number, c));
  for (const entries of seen.values()) {
    const counts = new Map<number, number>();
    for (const entry of entries) counts.set(entry.points, (counts.get(entry.points) ?? 0) + 1);
    if (counts.size < 2) continue;
    const [majority, majorityCount] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
    if (majorityCount < 2) continue;
    for (const entry of entries.filter((item) => item.points !== majority)) {
      const sheet = sheets.find((item) => item.productSet.number === entry.set);
      const others = entries.filter((item) => item.points === majority).map((item) => item.set);
      sheet?.notes.push({
        where: where(entry.set, `tiêu chí ${entry.criterion.code}, phương án ${entry.option.id}`),
        kind: 'ambiguity',
        text: `Phương án "${entry.option.label.slice(0, 80)}${entry.option.label.length > 80 ? '…' : ''}" in ${entry.points} điểm; cùng tiêu chí và cùng phương án ở bộ ${others.join(', ')} in ${majority} điểm. Giữ nguyên ${entry.points}.`,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cross-check against the .txt transcript
// ---------------------------------------------------------------------------------------------

function crossCheckWithText(sheet: CriteriaSheet, txtNormalized: string): string[] {
  const missing: string[] = [];
  const squash = (text: string): string => text.replace(/\s+/g, '');
  const check = (text: string, what: string): void => {
    if (!txtNormalized.includes(squash(text))) missing.push(`${what}: ${text.slice(0, 80)}`);
  };
  const visit = (criterion: Criterion): void => {
    check(criterion.name, `criterion ${criterion.code}`);
    for (const option of criterion.options) if (!option.synthesized) check(option.label, `option ${option.id}`);
    (criterion.children ?? []).forEach(visit);
  };
  for (const part of sheet.parts) for (const sec of part.sections) sec.criteria.forEach(visit);
  return missing;
}

// ---------------------------------------------------------------------------------------------
// NOTES.md
// ---------------------------------------------------------------------------------------------

function renderNotes(sheets: Array<{ file: string; sheet: CriteriaSheet }>, classification: Classification, sources: Array<{ path: string; sha256: string }>): string {
  const lines: string[] = [
    '# Criteria sheets of Decision 26/2026/QĐ-TTg — notes on the source',
    '',
    'Generated by `scripts/extract-criteria-sheets.ts`; do not edit by hand (edit the script and re-run).',
    '',
    'Source files:',
    ...sources.map((source) => `- \`${source.path}\` sha256 \`${source.sha256}\``),
    '',
    'Kinds of notes:',
    '- **correction**: the decision prints a value that contradicts the sheet\'s own maxima; the extractor used another value, for the reason given.',
    '- **ambiguity**: the text is unclear or inconsistent; the value is kept as printed unless a correction says otherwise.',
    '- **modelling**: how a piece of text was mapped onto the data model.',
    '',
    'Reading of the star markers (all sheets): the footnote "Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao',
    '(*** - 3 sao; **** - 4 sao; ***** - 5 sao)" is read as: to be ranked N★, on every criterion that carries a marker',
    'of level ≤ N, the chosen option must be worth at least the points of the lowest option carrying that marker.',
    'The scoring engine (`src/features/rule-sets/scoring/`) applies this as a cap after the score band.',
    '',
  ];
  const summary = (sheet: CriteriaSheet): string => {
    const counts = { correction: 0, ambiguity: 0, modelling: 0 };
    for (const item of sheet.notes) counts[item.kind] += 1;
    return `${counts.correction} correction(s), ${counts.ambiguity} ambiguity(ies), ${counts.modelling} modelling note(s)`;
  };
  lines.push('## Summary', '', '| # | File | Notes |', '|---|---|---|');
  for (const { file, sheet } of sheets) lines.push(`| ${sheet.productSet.number} | \`${file}\` | ${summary(sheet)} |`);
  lines.push('');
  for (const { file, sheet } of sheets) {
    lines.push(`## ${sheet.productSet.number}. ${sheet.productSet.name} (\`${file}\`)`, '');
    for (const kind of ['correction', 'ambiguity', 'modelling'] as const) {
      for (const item of sheet.notes.filter((note) => note.kind === kind)) lines.push(`- **${kind}** — ${item.where}: ${item.text}`);
    }
    lines.push('');
  }
  lines.push('## Phụ lục I (classification)', '');
  for (const item of classification.notes) lines.push(`- **${item.kind}** — ${item.where}: ${item.text}`);
  lines.push('');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

export interface CriteriaData {
  sheets: Array<{ file: string; sheet: CriteriaSheet }>;
  classification: Classification;
  notesMarkdown: string;
  /** Validation problems; empty when every sheet and the classification validate. */
  failures: string[];
}

/** Parses the reference files and returns everything the script would write (no file is written). */
export function buildCriteriaData(): CriteriaData {
  const html = readFileSync(htmlPath, 'utf8');
  const txt = readFileSync(txtPath, 'utf8').normalize('NFC');
  const txtNormalized = txt.replace(/\s+/g, '').replace(/\|/g, '');
  const sources = [
    { path: '../shared/reference/decision-26-2026-QD-TTg.html', sha256: sha256(htmlPath) },
    { path: '../shared/reference/decision-26-2026-QD-TTg.txt', sha256: sha256(txtPath) },
  ];
  const tokens = tokenize(html);

  const { sectors, leaves, leadMinistryBasis } = parseClassification(tokens);
  const { tableOfContents, sheets: rawSheets } = splitSheets(tokens);
  if (leaves.length !== 26 || rawSheets.length !== 26 || tableOfContents.size !== 26) {
    throw new Error(`expected 26 product sets, found ${leaves.length} leaves, ${rawSheets.length} sheets, ${tableOfContents.size} table entries`);
  }

  const outputs: Array<{ file: string; sheet: CriteriaSheet }> = [];
  const failures: string[] = [];
  for (const raw of rawSheets) {
    const { sheet } = parseSheet(raw, tableOfContents);
    sheet.source.files = sources;
    const missing = crossCheckWithText(sheet, txtNormalized);
    for (const item of missing) {
      sheet.notes.push({ where: where(sheet.productSet.number), kind: 'ambiguity', text: `Không tìm thấy trong bản .txt (kiểm tra chéo): ${item}` });
    }
    const file = `${String(sheet.productSet.number).padStart(2, '0')}-${slugify(sheet.productSet.name)}.json`;
    const validation = validateCriteriaSheet(sheet);
    if (!validation.ok) {
      failures.push(...validation.problems.map((problem) => `set ${sheet.productSet.number} ${problem.code} ${problem.path}: ${problem.message}`));
    }
    outputs.push({ file, sheet });
  }

  compareAcrossSheets(outputs.map((item) => item.sheet));

  const classificationNotes: SheetNote[] = [];
  const productSetRef = (number: number) => {
    const output = outputs.find((item) => item.sheet.productSet.number === number);
    const leaf = leaves[number - 1];
    if (!output || !leaf) throw new Error(`product set ${number} missing`);
    if (leaf.name !== output.sheet.productSet.name) {
      classificationNotes.push({
        where: `Phụ lục I, ${leaf.sector}.${leaf.group}${leaf.subgroup ? `.${leaf.subgroup}` : ''}`,
        kind: 'ambiguity',
        text: `Phụ lục I ghi "${leaf.name}", danh mục Phụ lục II ghi bộ sản phẩm ${number} là "${output.sheet.productSet.name}"; ghép theo thứ tự (lá thứ ${number} của cây phân loại = bộ ${number}).`,
      });
    }
    return { number, name: output.sheet.productSet.name, leadMinistries: leaf.leadMinistries, sheetFile: `data/criteria-sheets/${RULE_SET_ID}/${output.file}` };
  };
  let leafNumber = 0;
  const classification: Classification = {
    ruleSetId: RULE_SET_ID,
    source: { document: DOCUMENT, location: 'Phụ lục I', files: sources },
    leadMinistryBasis,
    sectors: sectors.map((sector) => ({
      code: sector.code,
      name: sector.name,
      groups: sector.groups.map((group) => {
        if (group.subgroups.length === 0) {
          leafNumber += 1;
          return { code: group.code, name: group.name, productSet: productSetRef(leafNumber), subgroups: [] };
        }
        return {
          code: group.code,
          name: group.name,
          subgroups: group.subgroups.map((subgroup) => {
            leafNumber += 1;
            return { code: subgroup.code, name: subgroup.name, productSet: productSetRef(leafNumber) };
          }),
        };
      }),
    })),
    notes: classificationNotes,
  };
  for (const { sheet } of outputs) {
    const leaf = leaves[sheet.productSet.number - 1];
    const sector = sectors.find((item) => item.code === leaf?.sector);
    const group = sector?.groups.find((item) => item.code === leaf?.group);
    const printed = sheet.productSet.classificationInSheet ?? '';
    const groupInSheet = /Nhóm:\s*([^)]*)\)/.exec(printed)?.[1]?.trim();
    if (groupInSheet !== undefined && group && foldVietnamese(groupInSheet) !== foldVietnamese(group.name)) {
      sheet.notes.push({
        where: where(sheet.productSet.number, 'dòng phân loại dưới tiêu đề'),
        kind: 'ambiguity',
        text: `Phiếu ghi "${printed}", Phụ lục I xếp bộ này vào nhóm "${group.name}" (ngành ${sector?.name}); dùng Phụ lục I.`,
      });
    }
  }
  const parsedClassification = classificationSchema.safeParse(classification);
  if (!parsedClassification.success) failures.push(`classification: ${parsedClassification.error.message}`);
  return { sheets: outputs, classification, notesMarkdown: renderNotes(outputs, classification, sources), failures };
}

function main(): void {
  const checkOnly = process.argv.includes('--check');
  const { sheets: outputs, classification, notesMarkdown, failures } = buildCriteriaData();
  for (const { file, sheet } of outputs) {
    const counts = sheet.notes.reduce<Record<string, number>>((acc, item) => ({ ...acc, [item.kind]: (acc[item.kind] ?? 0) + 1 }), {});
    console.log(`${file}: ${JSON.stringify(counts)}`);
    if (process.argv.includes('--verbose')) {
      for (const item of sheet.notes) if (item.kind !== 'modelling' || process.argv.includes('--all')) console.log(`  [${item.kind}] ${item.where}: ${item.text}`);
    }
  }
  if (failures.length > 0) {
    console.error(`\n${failures.length} validation problem(s):\n${failures.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  if (checkOnly) return;

  mkdirSync(sheetsDir, { recursive: true });
  mkdirSync(dirname(classificationPath), { recursive: true });
  if (existsSync(sheetsDir)) {
    for (const name of readdirSync(sheetsDir)) if (name.endsWith('.json')) rmSync(resolve(sheetsDir, name));
  }
  for (const { file, sheet } of outputs) writeFileSync(resolve(sheetsDir, file), `${JSON.stringify(sheet, null, 2)}\n`);
  writeFileSync(classificationPath, `${JSON.stringify(classification, null, 2)}\n`);
  writeFileSync(resolve(sheetsDir, 'NOTES.md'), notesMarkdown);
  console.log(`wrote ${outputs.length} sheets, classification and NOTES.md`);
}

// Run only when executed (the test imports buildCriteriaData to check the committed files are current).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
