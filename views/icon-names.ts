/**
 * The Lucide icons the interface uses (package `lucide-static`, ISC licence). Only these are copied
 * into `static/vendor/icons.svg` at install (scripts/copy-vendor.ts), so adding an icon means adding
 * its Lucide name here; `icon()` (views/icons.ts) only accepts names from this list.
 */
export const ICON_NAMES = [
  'arrow-left', 'arrow-right', 'ban', 'bell', 'cake', 'camera', 'check', 'check-check', 'circle-dot', 'circle-help', 'clapperboard', 'clipboard-list',
  'clock', 'contact', 'ellipsis-vertical', 'file-text', 'hourglass', 'house', 'keyboard', 'link', 'lock', 'mail', 'map-pin', 'megaphone', 'menu', 'mic',
  'mouse-pointer-click', 'notebook-pen', 'panel-right', 'paperclip', 'pencil', 'phone', 'printer', 'reply', 'search',
  'shopping-bag', 'shopping-cart', 'smile', 'sticker', 'thumbs-down', 'thumbs-up', 'timer', 'triangle-alert', 'user', 'users', 'x',
] as const;

export type IconName = (typeof ICON_NAMES)[number];

/** The sprite file's symbols: each icon's inner SVG (paths, circles…) under `<symbol id="i-<name>">`. */
export function iconSprite(readIcon: (name: IconName) => string): string {
  const symbols = ICON_NAMES.map((name) => {
    const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(readIcon(name))?.[1];
    if (!inner) throw new Error(`lucide-static: no SVG body for "${name}"`);
    return `<symbol id="i-${name}" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner.replace(/\s+/g, ' ').trim()}</symbol>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg"><!-- Lucide icons (lucide-static, ISC licence) -->${symbols.join('')}</svg>\n`;
}
