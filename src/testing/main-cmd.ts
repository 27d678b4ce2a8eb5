/**
 * The node arguments that run `src/main.ts` (relative to the checkout) in a child process: under
 * `npm test` the test files run compiled in .test-build/ (src/testing/build-tests.mjs), where
 * src/main.js lies beside main.ts and starts without tsx's loader (about 1.5 s of CPU per process,
 * and the race tests start dozens of servers); a test file run alone through tsx uses tsx.
 */
export const MAIN = import.meta.url.endsWith('.js') ? ['--enable-source-maps', 'src/main.js'] : ['--import', 'tsx', 'src/main.ts'];
