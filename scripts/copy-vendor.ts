/** Copies the pinned browser libraries (htmx 2.0.x, its ws extension, Alpine) into static/vendor. */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dir, '..');
const target = join(root, 'static', 'vendor');
mkdirSync(target, { recursive: true });
const files: Array<[string, string]> = [
  ['node_modules/htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['node_modules/htmx-ext-ws/dist/ws.min.js', 'htmx-ws.min.js'],
  ['node_modules/alpinejs/dist/cdn.min.js', 'alpine.min.js'],
];
for (const [from, to] of files) copyFileSync(join(root, from), join(target, to));
console.log(`vendor: copied ${files.length} files to static/vendor`);
