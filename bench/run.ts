import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { meets, type BenchFigure } from './suite';
import { suites } from './suites/index';

const wanted = process.argv.slice(2);
const chosen = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
const resultsFile = new URL('./results.json', import.meta.url);
// Suites not run this time keep their last figures; each suite records when it ran.
const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as { results?: Record<string, { at: string; figures: BenchFigure[] }> }).results ?? {} : {};
const results: Record<string, { at: string; figures: BenchFigure[] }> = { ...previous };

for (const suite of chosen) {
  console.log(`\n== ${suite.name}`);
  const figures = await suite.run();
  results[suite.name] = { at: new Date().toISOString(), figures };
  for (const f of figures) {
    const ok = meets(f);
    const target = f.target ? `target ${f.target.op} ${f.target.value} ${f.unit}` : '';
    const verdict = ok === undefined ? '' : ok ? 'OK' : 'MISSED';
    console.log(`${f.name.padEnd(34)} ${String(Number(f.value.toFixed(3))).padStart(12)} ${f.unit.padEnd(6)} ${target.padEnd(26)} ${verdict}${f.note ? `  (${f.note})` : ''}`);
  }
}

writeFileSync(
  resultsFile,
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, results }, null, 2) + '\n',
);
console.log('\nwritten to bench/results.json');
