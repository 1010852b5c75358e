export { numbersIn } from './numbers.ts';
export { checkParity, REQUIRED_KEYS, type ParityOptions, type ParityPage, type ParityProblem } from './parity.ts';
export { catalogueProblems, flattenCatalogue, type Catalogue } from './catalogues.ts';
