export { registerLocalDirectLine } from './localDirectLine.js';
export type { LocalDirectLine, LocalDirectLineOptions } from './localDirectLine.js';
export type { IssuedToken } from './tokens.js';
