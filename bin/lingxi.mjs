#!/usr/bin/env node
// The `lingxi` command: runs the TypeScript server directly through tsx (no build step for the server).
import { fileURLToPath } from 'node:url';
import { ensureFrontEndsBuilt } from '../scripts/frontends.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [command] = process.argv.slice(2);
if (command === 'start') await ensureFrontEndsBuilt(root);

const main = fileURLToPath(new URL('../apps/server/src/main.ts', import.meta.url));
const { register } = await import('tsx/esm/api');
register();
process.argv = [process.argv[0], main, ...process.argv.slice(2)];
await import(main);
