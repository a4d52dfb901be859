/** Public surface of the 政策找人 module. Other modules import from here only. */
export { checkCreditCode } from './domain/credit-code.ts';
export { enterprisesModule } from './manifest.ts';
