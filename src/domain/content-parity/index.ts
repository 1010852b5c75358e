export { type Catalogue, catalogueProblems, flattenCatalogue } from './catalogues.ts';
export { numbersIn } from './numbers.ts';
export { checkParity, type ParityOptions, type ParityPage, type ParityProblem, REQUIRED_KEYS } from './parity.ts';
