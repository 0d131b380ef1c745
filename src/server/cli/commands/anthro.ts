import { readFile, writeFile } from 'node:fs/promises';
import { AnthroBatchFileError, formatAnthroBatch, runAnthroBatch } from '../../../core/anthropometry/batch';
import type { GrowthReferences } from '../../../core/anthropometry/growth-references';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';
import { loadGrowthReferences } from '../../modules/reference/growth-references.repo';

export interface AnthroIo {
  references(): Promise<GrowthReferences>;
  stdout(text: string): void;
  stderr(text: string): void;
}

function parseArgs(args: string[]): { input: string; out: string | undefined } {
  let out: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '-o') {
      out = args[++i];
      if (!out) throw new UsageError('--out needs a file name.');
    } else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a.startsWith('-')) throw new UsageError(`Unknown option ${a}.`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new UsageError('Give exactly one input CSV file.');
  return { input: rest[0]!, out };
}

/**
 * The command body with its I/O passed in (tests give a test database's
 * references). File I/O and the database are here; the CSV work is core's.
 */
export async function runAnthroCommand(args: string[], io: AnthroIo): Promise<number> {
  const { input, out } = parseArgs(args);
  const text = await readFile(input, 'utf8');
  const refs = await io.references();
  let result;
  try {
    result = runAnthroBatch(text, refs);
  } catch (e) {
    if (e instanceof AnthroBatchFileError) {
      io.stderr(`${input}: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const csv = formatAnthroBatch(result);
  if (out) await writeFile(out, csv);
  else io.stdout(csv);
  for (const e of result.errors) io.stderr(`line ${e.line}${e.id ? ` (id ${e.id})` : ''}: ${e.reason}\n`);
  const { rows, bad, approximate, referenceMissing } = result.summary;
  const parts = [`${rows} rows`, `${rows - bad} scored`, `${bad} bad (see the error column)`];
  if (approximate) parts.push(`${approximate} with approximate z-scores (jsgrowup fallback; run siklus reference import who <folder> for WHO's exact tables)`);
  if (referenceMissing) parts.push(`${referenceMissing} needing a reference that is not installed (see the notes column)`);
  io.stderr(`${parts.join(', ')}${out ? `; written to ${out}` : ''}\n`);
  return 0;
}

export const anthroCommand: Command = {
  name: 'anthro',
  summary: 'Batch WHO z-scores, flags and Permenkes categories for a CSV of children (like WHO Anthro survey)',
  usage:
    'siklus anthro <in.csv> [--out out.csv]\n' +
    '  columns: id, sex (1/2), age_days | age_months | dob + visit_date, weight (kg), height (cm),\n' +
    '  measure (l/h), oedema (y/n), head, muac (cm); output adds z*, f*, cat_* columns (stdout without --out)',
  async run(args) {
    parseArgs(args); // usage errors before opening the database
    return withDatabase((database) =>
      runAnthroCommand(args, {
        references: () => loadGrowthReferences(database),
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
      }),
    );
  },
};
