/** Public surface of the workplan module (工作台账). Other modules import from here only. */
export { workplanModule } from './manifest.ts';
