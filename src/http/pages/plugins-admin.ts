/** Admin → Plugins: list, enable/disable and settings of the loaded plugins (admins only; audited by the host). */
import { Elysia, t as schema } from 'elysia';
import { ZodError } from 'zod';
import { pluginState } from '../../core/plugin-store';
import { html } from '../../lib/html';
import type { PluginEntry } from '../../plugin-host/host';
import { formToSettings, openSettings, sealSettings, settingFields } from '../../plugin-host/settings';
import { pluginsPage, type PluginCard } from '../../../views/plugins/admin';
import type { PageContext } from '../../../views/context';
import { localizeMessage } from '../../../views/i18n';
import type { HttpDeps } from '../deps';
import { actorOf, requestContext, requireRole } from '../request-context';
import { htmlResponse, redirect } from '../respond';

/** Admin pages of the plugin platform. */
export function pluginAdminPages(deps: HttpDeps) {
  const { core, plugins } = deps;

  const cardOf = (page: PageContext, entry: PluginEntry, errors?: Record<string, string>, submitted?: Record<string, unknown>): PluginCard => {
    const fields = settingFields(entry.definition?.settings);
    const stored = openSettings(pluginState(core, entry.id).settings ?? {}, core.config.secretKey);
    const secrets = new Set(fields.filter((f) => f.secret && stored[f.name] !== undefined).map((f) => f.name));
    const user = page.user!;
    const extra = entry.status === 'active' ? plugins.slots.render('settings', { t: page.t, locale: page.locale, user, csrfToken: page.csrfToken ?? '' }, entry.id) : html``;
    return { entry, fields, values: submitted ?? stored, storedSecrets: secrets, extra, errors };
  };
  const render = (page: PageContext, flash: { success?: string | null; error?: string | null } = {}, override?: PluginCard) =>
    htmlResponse(pluginsPage(page, core.config.pluginsDir, plugins.list().map((e) => (override?.entry.id === e.id ? override : cardOf(page, e))), flash), override?.errors ? 422 : 200);
  const loaded = (id: string) => {
    const entry = plugins.get(id);
    return entry?.definition ? entry : null;
  };

  return new Elysia({ name: 'plugin-admin-pages' })
    .use(requestContext(deps))
    .onBeforeHandle(({ auth }) => {
      requireRole(auth, 'admin');
    })
    .get('/admin/plugins', ({ page, query }) => {
      const entry = query.id ? plugins.get(query.id) : undefined;
      const success = entry && query.ok ? page.t(query.ok === 'settings' ? 'plugins.settings.saved' : `plugins.${query.ok}`, { name: entry.name }) : null;
      return render(page, { success });
    }, { query: schema.Object({ ok: schema.Optional(schema.Union([schema.Literal('enabled'), schema.Literal('disabled'), schema.Literal('settings')])), id: schema.Optional(schema.String({ maxLength: 80 })) }) })
    .post('/admin/plugins/:id/enable', async ({ params, auth, ip, page }) => {
      if (!loaded(params.id)) return render(page, { error: page.t('plugins.not_loaded') });
      await plugins.enable(params.id, actorOf(auth, ip));
      return redirect(`/admin/plugins?ok=enabled&id=${params.id}`);
    })
    .post('/admin/plugins/:id/disable', ({ params, auth, ip, page }) => {
      if (!loaded(params.id)) return render(page, { error: page.t('plugins.not_loaded') });
      plugins.disable(params.id, actorOf(auth, ip));
      return redirect(`/admin/plugins?ok=disabled&id=${params.id}`);
    })
    .post('/admin/plugins/:id/settings', async ({ params, body, auth, ip, page }) => {
      const entry = loaded(params.id);
      if (!entry) return render(page, { error: page.t('plugins.not_loaded') });
      const fields = settingFields(entry.definition!.settings);
      const stored = openSettings(pluginState(core, entry.id).settings ?? {}, core.config.secretKey);
      const values = formToSettings(fields, (body ?? {}) as Record<string, unknown>, stored);
      const parsed = entry.definition!.settings ? entry.definition!.settings.safeParse(values) : { success: true as const, data: values };
      if (!parsed.success) {
        const errors = Object.fromEntries((parsed.error as ZodError).issues.map((i) => [String(i.path[0] ?? ''), localizeMessage(page.t, i.message)]));
        return render(page, {}, cardOf(page, entry, errors, values));
      }
      await plugins.saveSettings(entry.id, sealSettings(fields, parsed.data as Record<string, unknown>, core.config.secretKey), actorOf(auth, ip));
      return redirect(`/admin/plugins?ok=settings&id=${entry.id}`);
    });
}
