/** Public surface of the reports module (年度报告). */

// `gongkai report compute` as a function: other modules' tests check their figures against it.
export { reportToJson, runCompute } from './commands.ts';
export { reportsModule } from './manifest.ts';
export { findAgency } from './service.ts';
