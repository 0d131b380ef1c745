/**
 * `siklus indicators rebuild [--kab CODE] [--year YYYY]…`: recomputes every
 * person's indicator rows from events and every counter from the rows
 * (docs/indicators.md), printing the speed.
 */
import { parseArgs } from 'node:util';
import { kabCodeOf } from '../../../core/areas/codes';
import { todayIn } from '../../../core/time/dates';
import { rebuildIndicators } from '../../modules/indicators/indicators.rebuild';
import { UsageError, type Command } from '../command';
import { withDatabase } from '../open-db';

export const indicatorsCommand: Command = {
  name: 'indicators rebuild',
  summary: 'Recompute indicator rows from events and the counters from the rows (all districts, or --kab 74.02)',
  usage: 'siklus indicators rebuild [--kab <kab/kota code>] [--year <yyyy> …] [--batch <n>]',
  async run(args) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { kab: { type: 'string' }, year: { type: 'string', multiple: true }, batch: { type: 'string' } }, strict: true, allowPositionals: false }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (values.kab !== undefined && kabCodeOf(values.kab) !== values.kab) throw new UsageError(`--kab takes a kabupaten/kota code such as 74.02, got "${values.kab}"`);
    const years = values.year?.map((y) => {
      if (!/^\d{4}$/.test(y)) throw new UsageError(`--year takes a year such as 2025, got "${y}"`);
      return Number(y);
    });
    const batchSize = values.batch === undefined ? undefined : Number(values.batch);
    if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1)) throw new UsageError(`--batch must be a positive whole number, got "${values.batch}"`);
    return withDatabase(async (database, config) => {
      const r = await rebuildIndicators(database.db, { kab: values.kab, years, batchSize, today: todayIn(config.timeZone), log: (m) => console.log(m) });
      console.log(`Indicators rebuilt${values.kab ? ` for ${values.kab}` : ''} (${r.years.join(', ')}): ${r.people} people, ${r.rows} rows, ${r.counters} counter rows`
        + ` in ${r.seconds.toFixed(1)} s (${Math.round(r.peoplePerSecond)} people/s).`);
      return 0;
    });
  },
};
