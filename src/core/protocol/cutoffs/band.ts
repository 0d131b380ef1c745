import type { Source, Text } from '../types';

/** One result class of a screening instrument with its follow-up. */
export interface BandDef<B extends string = string> {
  band: B;
  label: Text;
  followUp: Text;
}

/** A cut-off table as plain data, for the readable catalogue. */
export interface CutoffTable {
  id: string;
  label: Text;
  /** Rows in words, e.g. "≥ 6 atau butir 17 = ya → abnormal". */
  rows: Text[];
  sources: Source[];
}
