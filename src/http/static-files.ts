/** Static assets (css, icons, vendored htmx/Alpine) under `/static`, plus the PWA manifest. */
import { staticPlugin } from '@elysiajs/static';
import { Elysia } from 'elysia';

/** Serves `dir` at /static. Not reachable through `app.handle()`: test over a listening port. */
export function staticFiles(dir: string) {
  return new Elysia({ name: 'static-files' })
    .use(staticPlugin({ assets: dir, prefix: '/static', alwaysStatic: false, indexHTML: false }))
    .get('/manifest.webmanifest', () => new Response(JSON.stringify({
      name: 'Turno', short_name: 'Turno', start_url: '/inbox', display: 'standalone', background_color: '#f5f7f8', theme_color: '#0f766e',
      icons: [
        { src: '/static/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        { src: '/static/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any maskable' },
        { src: '/static/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any maskable' },
      ],
    }), { headers: { 'content-type': 'application/manifest+json' } }));
}
