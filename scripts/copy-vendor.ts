/**
 * Copies the pinned browser libraries (htmx 2.0.x, its ws extension, Alpine) into static/vendor,
 * and builds static/vendor/icons.svg from lucide-static with only the icons listed in views/icon-names.ts.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iconSprite } from '../views/icon-names';

const root = join(import.meta.dir, '..');
const target = join(root, 'static', 'vendor');
mkdirSync(target, { recursive: true });
const files: Array<[string, string]> = [
  ['node_modules/htmx.org/dist/htmx.min.js', 'htmx.min.js'],
  ['node_modules/htmx-ext-ws/dist/ws.min.js', 'htmx-ws.min.js'],
  ['node_modules/alpinejs/dist/cdn.min.js', 'alpine.min.js'],
];
for (const [from, to] of files) copyFileSync(join(root, from), join(target, to));
writeFileSync(join(target, 'icons.svg'), iconSprite((name) => readFileSync(join(root, 'node_modules/lucide-static/icons', `${name}.svg`), 'utf8')));
console.log(`vendor: copied ${files.length} files and the icon sprite to static/vendor`);
