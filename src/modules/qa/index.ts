/** Public surface of the 政策问答 module. Other modules import from here only. */
export { qaModule } from './manifest.ts';
