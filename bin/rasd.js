#!/usr/bin/env node
// The rasd command. The TypeScript sources are compiled to dist/ by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error('rasd: the program is not built yet. Run `npm install` (or `npm run build`) in the rasd folder, then try again.');
  process.exit(2);
}
await import(entry.href);
