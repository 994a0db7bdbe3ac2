/** What every page needs to render: the translator, the signed-in user and the CSRF token. */
import type { PublicUser } from '../src/core/types';
import type { Locale, Translate } from './i18n';

export interface PageContext {
  t: Translate;
  locale: Locale;
  user: PublicUser | null;
  csrfToken: string | null;
  /** Current path, to highlight navigation. */
  path: string;
  /** Navigation entries contributed by plugins (slot `nav`). */
  pluginNav?: Array<{ href: string; label: string }>;
}
