/** Public surface of the duties module (日常工作台账: 网站找错, 舆情回应, 建议提案办理, 政务新媒体). */
export { dutiesModule } from './manifest.ts';
