/**
 * `http://user:secret@host/…` links exist on real portals (and in hostile pages). The crawler never
 * sends them and nothing the project stores keeps them: every URL is recorded without its userinfo.
 */

/** The URL with user name and password removed; text that is not a URL comes back unchanged. */
export function withoutCredentials(url: string): string;
export function withoutCredentials(url: string | null): string | null;
export function withoutCredentials(url: string | undefined): string | undefined;
export function withoutCredentials(url: string | null | undefined): string | null | undefined {
  if (!url || !url.includes('@')) return url;
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** In place, for a URL object about to be used or stored. */
export function stripCredentials(url: URL): URL {
  url.username = '';
  url.password = '';
  return url;
}
