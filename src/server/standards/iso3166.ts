/** ISO 3166-1 codes: the table lives in src/shared (API validation uses it too). */
export { isAlpha2, toAlpha2, toAlpha3 } from '../../shared/iso3166.js';
