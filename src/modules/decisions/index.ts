/** Public surface of the decisions module (决策公开、公众参与). */
export { clusterTexts } from './domain/cluster.ts';
export { decisionsModule } from './manifest.ts';
