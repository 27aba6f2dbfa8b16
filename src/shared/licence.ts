/** The desk's licence, as package.json names it (`licence.test.ts` keeps the two in step). */
export const LICENCE = 'MIT';
