/** Public surface of the reports module (年度报告). */
export { reportsModule } from './manifest.ts';
