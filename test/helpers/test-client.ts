/** A tiny HTTP client for API scenario tests: keeps cookies and sends the CSRF token. */
type Requester = (path: string, init?: RequestInit) => Promise<Response>;

export class TestClient {
  constructor(
    private send: Requester,
    readonly cookies: Record<string, string> = {},
    public csrf: string | null = null,
  ) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    const cookie = Object.entries(this.cookies).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    return { ...(cookie ? { cookie } : {}), ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}), ...extra };
  }

  private remember(res: Response): Response {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [k, ...v] = pair!.split('=');
      const value = decodeURIComponent(v.join('='));
      if (/Max-Age=0/i.test(line)) delete this.cookies[k!.trim()];
      else this.cookies[k!.trim()] = value;
    }
    return res;
  }

  /** GET with cookies. */
  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(await this.send(path, { headers: this.headers(headers) }));
  }

  /** POST a JSON body (with the CSRF header). */
  async json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(await this.send(path, {
      method, body: JSON.stringify(body), headers: this.headers({ 'content-type': 'application/json', ...headers }),
    }));
  }

  /** POST a urlencoded form (as a browser would; CSRF from `_csrf` if given, else the header). */
  async form(path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    return this.remember(await this.send(path, {
      method: 'POST', body: new URLSearchParams(fields).toString(),
      headers: this.headers({ 'content-type': 'application/x-www-form-urlencoded', ...headers }),
    }));
  }

  /** Reads the CSRF token from a page's hidden `_csrf` field and keeps it. */
  async loadCsrf(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no CSRF field on ${path}`);
    this.csrf = token;
    return token;
  }
}
