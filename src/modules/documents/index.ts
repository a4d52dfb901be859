/** Public surface of the documents module (政府文件库). Other modules import from here only. */
export { documentsModule } from './manifest.ts';
