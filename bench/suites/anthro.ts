import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { approximateGrowthReferences } from '../../src/core/anthropometry/approximate-references';
import { formatAnthroBatch, runAnthroBatch } from '../../src/core/anthropometry/batch';
import { createGrowthReferences, type GrowthReferences } from '../../src/core/anthropometry/growth-references';
import { GROWTH_TABLE_NAMES, GROWTH_TABLES } from '../../src/core/anthropometry/growth-tables';
import { classifyPermenkes } from '../../src/core/anthropometry/permenkes';
import { parseWhoGrowthTable } from '../../src/core/anthropometry/who-table-parser';
import { computeZScores, type AnthroInput } from '../../src/core/anthropometry/zscores';
import type { BenchFigure, BenchSuite } from '../suite';

/** WHO's exact tables from the shared data folder when present (the product imports them into the database). */
const WHO_DIR = process.env.SIKLUS_WHO_DATA ?? fileURLToPath(new URL('../../../shared/data/who-growth/', import.meta.url));

function exactReferences(): GrowthReferences | undefined {
  const file = (n: (typeof GROWTH_TABLE_NAMES)[number]) => `${WHO_DIR}/${GROWTH_TABLES[n].standard === 'WHO2007' ? 'ref2007-monthly' : 'wgs2006-daily'}/${n}.txt`;
  if (!GROWTH_TABLE_NAMES.every((n) => existsSync(file(n)))) return undefined;
  return createGrowthReferences(Object.fromEntries(GROWTH_TABLE_NAMES.map((n) => [n, parseWhoGrowthTable(readFileSync(file(n), 'utf8'), n)])));
}

/** Deterministic children 0–19 years with plausible measurements. */
function children(n: number): AnthroInput[] {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => {
    const days = Math.floor(rnd() * (rnd() < 0.8 ? 1826 : 6900));
    const height = 50 + 100 * Math.sqrt(days / 6900) + (rnd() - 0.5) * 8;
    return {
      sex: rnd() < 0.5 ? 'M' : 'F',
      age: { days },
      weightKg: Math.max(2, (height / 100) ** 2 * (15 + rnd() * 5)),
      lengthHeightCm: height,
      measure: days < 731 ? 'l' : 'h',
      oedema: rnd() < 0.01,
      headCm: 35 + 15 * Math.sqrt(Math.min(days, 1826) / 1826),
      muacCm: 11 + rnd() * 5,
    };
  });
}

function perSecond(label: string, inputs: AnthroInput[], refs: GrowthReferences, note: string): BenchFigure {
  // Warm up, then time whole passes for about a second.
  for (const c of inputs.slice(0, 2000)) classifyPermenkes(computeZScores(c, refs));
  let done = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const c of inputs) classifyPermenkes(computeZScores(c, refs));
    done += inputs.length;
  }
  return { name: label, value: done / ((performance.now() - start) / 1000), unit: 'sets/s', note };
}

export const anthroSuite: BenchSuite = {
  name: 'anthro',
  async run() {
    const inputs = children(20_000);
    const figures: BenchFigure[] = [];
    const exact = exactReferences();
    const note = 'one child: 8 z-scores + flags + Permenkes categories';
    if (exact) figures.push(perSecond('zscore_sets_per_second_exact', inputs, exact, note));
    figures.push(perSecond('zscore_sets_per_second_approximate', inputs, approximateGrowthReferences(), `${note}; jsgrowup fallback`));

    const csv = ['id,sex,age_days,weight,height,measure,oedema,head,muac', ...inputs.map((c, i) => [i, c.sex === 'M' ? 1 : 2, (c.age as { days: number }).days, c.weightKg!.toFixed(2), c.lengthHeightCm!.toFixed(1), c.measure, c.oedema ? 'y' : 'n', c.headCm!.toFixed(1), c.muacCm!.toFixed(1)].join(','))].join('\n');
    const start = performance.now();
    formatAnthroBatch(runAnthroBatch(csv, exact ?? approximateGrowthReferences()));
    figures.push({ name: 'anthro_batch_rows_per_second', value: inputs.length / ((performance.now() - start) / 1000), unit: 'rows/s', note: 'siklus anthro core: CSV in → CSV out, 20,000 rows' });
    return figures;
  },
};
