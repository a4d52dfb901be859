/** Public surface of the standards module (政务公开事项标准目录, 定点、定向公开). */
export { standardsModule } from './manifest.ts';
