export type { CliEnvironment, CliStream, ClosablePool } from './io.js';
export { main } from './main.js';
