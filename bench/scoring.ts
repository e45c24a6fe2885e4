/**
 * Scoring throughput for a national round: 20,000 products × 7 council members, each product on the
 * criteria sheet of its product set (QĐ 26/2026), scored by the real engine (validation, exact
 * averages, spread, quorum, star markers). The floor is a plain loop summing the same chosen points.
 */
import { collectLeafCriteria } from '../src/features/rule-sets/criteria-sheet.ts';
import { findRuleSet, listCriteriaSheets } from '../src/features/rule-sets/reference-data.ts';
import { scoreEvaluation, type MemberScoreSheet } from '../src/features/rule-sets/scoring/index.ts';

export function benchScoring(products = Number(process.env.BENCH_PRODUCTS ?? 20_000), members = 7): void {
  const ruleSet = findRuleSet('26-2026')!;
  const sheets = listCriteriaSheets('26-2026');
  // A fixed pseudo-random sequence, so every run scores the same round.
  let seed = 2026;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const round = Array.from({ length: products }, (_, index) => {
    const sheet = sheets[index % sheets.length]!;
    const leaves = collectLeafCriteria(sheet);
    const memberSheets: MemberScoreSheet[] = Array.from({ length: members }, (_, m) => {
      const choices: Record<string, string> = {};
      for (const leaf of leaves) choices[leaf.code] = leaf.options[Math.floor(random() * leaf.options.length)]!.id;
      return { memberId: `m${m}`, isChair: m === 0, choices };
    });
    const points = memberSheets.map((member) =>
      leaves.map((leaf) => leaf.options.find((option) => option.id === member.choices[leaf.code])!.points),
    );
    return { sheet, memberSheets, points };
  });

  let started = performance.now();
  let ranked = 0;
  for (const product of round) {
    const result = scoreEvaluation({ ruleSet, sheet: product.sheet, memberSheets: product.memberSheets, council: { councilSize: members } });
    if (result.ok && result.value.status === 'ranked') ranked += 1;
  }
  const engineMs = performance.now() - started;

  started = performance.now();
  let checksum = 0;
  for (const product of round) {
    for (const memberPoints of product.points) {
      let total = 0;
      for (const p of memberPoints) total += p;
      checksum += total;
    }
  }
  const loopMs = performance.now() - started;
  const sheetsScored = products * members;
  console.log(`\n## Scoring a national round: ${products.toLocaleString('vi-VN')} products × ${members} members`);
  console.log('| | time | member sheets / s |');
  console.log('|---|---:|---:|');
  console.log(`| scoring engine (validate, average, spread, quorum, markers) | ${engineMs.toFixed(0)} ms | ${Math.round(sheetsScored / (engineMs / 1000)).toLocaleString('vi-VN')} |`);
  console.log(`| plain loop summing the same points (floor) | ${loopMs.toFixed(1)} ms | ${Math.round(sheetsScored / (loopMs / 1000)).toLocaleString('vi-VN')} |`);
  console.log(`engine / floor: ${(engineMs / loopMs).toFixed(0)}× slower; ${ranked.toLocaleString('vi-VN')} products ranked (others need a re-score: random members disagree); checksum ${checksum}`);
}
