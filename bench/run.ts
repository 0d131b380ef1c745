import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { meets, type BenchFigure } from './suite';
import { suites } from './suites/index';

const wanted = process.argv.slice(2);
const chosen = wanted.length ? suites.filter((s) => wanted.includes(s.name)) : suites;
const results: Record<string, BenchFigure[]> = {};

for (const suite of chosen) {
  console.log(`\n== ${suite.name}`);
  const figures = await suite.run();
  results[suite.name] = figures;
  for (const f of figures) {
    const ok = meets(f);
    const target = f.target ? `target ${f.target.op} ${f.target.value} ${f.unit}` : '';
    const verdict = ok === undefined ? '' : ok ? 'OK' : 'MISSED';
    console.log(`${f.name.padEnd(34)} ${String(Number(f.value.toFixed(3))).padStart(12)} ${f.unit.padEnd(6)} ${target.padEnd(26)} ${verdict}${f.note ? `  (${f.note})` : ''}`);
  }
}

mkdirSync(new URL('.', import.meta.url), { recursive: true });
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, results }, null, 2) + '\n',
);
console.log('\nwritten to bench/results.json');
