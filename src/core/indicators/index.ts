/** Indicators (PWS, SPM, klaster dashboards) as data: docs/indicators.md. */
export * from './types';
export * from './catalogue';
export { evaluatePerson, ageBandAt, evaluationYears, servedMonths, type EvaluateEnv } from './evaluate';
export { indicatorRules, SPM_BALITA, BASIC_EDUCATION_GRADES, ICD10_BLOCKS, HYPERTENSIVE_BP_BANDS, COMPETENT_ATTENDANTS, DIABETES_GLUCOSE_BAND } from './rules';
export * from './sasaran';
export * from './colours';
export { benchEvaluate, benchPopulation, type EvaluateBench } from './bench';
