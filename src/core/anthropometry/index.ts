/**
 * Anthropometry: WHO z-scores (WHO anthro / anthroplus rules), Permenkes
 * 2/2020 categories, LiLA bands and Posyandu weighing judgements.
 *
 * Typical use:
 *   const refs = withFallback(createGrowthReferences(rows), approximateGrowthReferences());
 *   const result = computeZScores({ sex: 'F', age: { days: 400 }, weightKg: 8.9, lengthHeightCm: 74, measure: 'l' }, refs);
 *   const categories = classifyPermenkes(result);
 */
export * from './lms';
export * from './growth-tables';
export * from './who-table-parser';
export * from './growth-references';
export { approximateGrowthReferences } from './approximate-references';
export * from './who-rules';
export * from './zscores';
export * from './permenkes';
export * from './muac';
export * from './growth-monitoring';
export * from './batch';
export { parseCsv, formatCsv, detectDelimiter, CsvFormatError, type CsvRecord } from './csv';
