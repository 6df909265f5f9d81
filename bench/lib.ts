/**
 * The library as the benchmark loads it: the compiled lib/ when it exists (what users run; `npm run
 * bench` compiles first), else src/ through ts-node. One copy for every bench program.
 */
import { existsSync } from 'fs';
import { join } from 'path';

export type Library = typeof import('../src');

const compiled = join(__dirname, '..', 'lib', 'index.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const lib: Library = require(existsSync(compiled) ? compiled : '../src');
