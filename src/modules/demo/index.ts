/** Public surface of the demo module (演示数据): the registry of demo rows and their removal. */
export { demoModule } from './manifest.ts';
export { type DemoSummary, demoSummary, type RemoveResult, removeDemo } from './service.ts';
