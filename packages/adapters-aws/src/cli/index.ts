export { main } from './main.js';
export type { CliEnvironment, CliStream, ClosablePool } from './io.js';
