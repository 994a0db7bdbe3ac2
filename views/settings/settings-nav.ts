/** The personal settings pages use the one settings navigation (views/admin-nav.ts). */
export { adminNav as settingsNav } from '../admin-nav';
