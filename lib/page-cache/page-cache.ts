import { LRUCache } from "lru-cache";

/** A rendered page as it can be replayed: status, headers and body. */
export interface StoredPage {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

export type Renderer = (request: Request) => Promise<Response>;

/** Headers that describe one transfer rather than the page: neither stored nor replayed. */
const transferHeaders = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/**
 * A browser loading a page as a document: a GET that accepts HTML and, when the browser says
 * what it fetches for (Sec-Fetch-Dest), fetches a document. Client-side navigations and
 * prefetches fetch an RSC payload with `fetch()` (accepting any type, Sec-Fetch-Dest: empty);
 * Next.js strips their RSC headers and `_rsc` parameter before the proxy sees them, so they
 * are told apart by what they accept, and by those markers where they remain.
 */
export function isDocumentRequest(request: Request): boolean {
  if (request.method !== "GET") return false;
  const { headers } = request;
  if (!(headers.get("accept") ?? "").includes("text/html")) return false;
  const destination = headers.get("sec-fetch-dest");
  if (destination !== null && destination !== "document") return false;
  if (headers.has("rsc") || headers.has("next-action") || headers.has("next-router-prefetch") || headers.has("next-router-state-tree")) {
    return false;
  }
  return !new URL(request.url).searchParams.has("_rsc");
}

/**
 * A request that will not take a kept answer: a browser's hard reload sends
 * "Cache-Control: no-cache" (and "Pragma: no-cache"), as can any client.
 */
export function asksForFreshPage(request: Request): boolean {
  const cacheControl = request.headers.get("cache-control") ?? "";
  return /(^|,)\s*(no-cache|no-store)\s*(,|$)/i.test(cacheControl) || /no-cache/i.test(request.headers.get("pragma") ?? "");
}

/** A complete HTML page that sets nothing in the browser: the only kind worth keeping. */
function isStorable(page: StoredPage): boolean {
  const header = (name: string) => page.headers.find(([key]) => key === name)?.[1];
  return page.status === 200 && (header("content-type") ?? "").startsWith("text/html") && header("set-cookie") === undefined;
}

async function storedPage(response: Response): Promise<StoredPage> {
  // Iterating Headers yields each Set-Cookie on its own, the others joined.
  const headers = [...response.headers].filter(([name]) => !transferHeaders.has(name));
  return { status: response.status, headers, body: new Uint8Array(await response.arrayBuffer()) };
}

function replay(page: StoredPage, outcome: "hit" | "miss" | "pass"): Response {
  const headers = new Headers();
  for (const [name, value] of page.headers) headers.append(name, value);
  headers.append("server-timing", `page-cache;desc="${outcome}"`);
  return new Response(page.body, { status: page.status, headers });
}

export interface PageCacheOptions {
  /** The most the cache holds, bodies and keys counted (bytes). */
  maxBytes?: number;
  /** How long a page is kept at most, even while its key stays current (ms). */
  ttlMs?: number;
}

/**
 * Rendered pages in memory, each under a key that names everything it shows. The key is
 * the whole guarantee: a page is replayed only to a request whose key is the same, so the
 * key must change whenever what the page would show changes (see dashboardFingerprint).
 * Requests for a key not yet rendered share one render.
 */
export class PageCache {
  private readonly pages: LRUCache<string, StoredPage>;
  private readonly rendering = new Map<string, Promise<StoredPage>>();

  constructor(
    private readonly render: Renderer,
    { maxBytes = 64 * 1024 * 1024, ttlMs = 10 * 60 * 1000 }: PageCacheOptions = {},
  ) {
    this.pages = new LRUCache({
      maxSize: maxBytes,
      sizeCalculation: (page, key) => page.body.byteLength + key.length + 1024,
      ttl: ttlMs,
    });
  }

  /**
   * The page under `key`: replayed when kept, else rendered, once for all the requests that
   * ask meanwhile. A request for a fresh page always gets its own render, which is kept.
   */
  async serve(request: Request, key: string): Promise<Response> {
    const fresh = asksForFreshPage(request);
    if (!fresh) {
      const stored = this.pages.get(key);
      if (stored) return replay(stored, "hit");
      const pending = this.rendering.get(key);
      if (pending) {
        const page = await pending;
        // A page that is not kept was rendered for its first asker only.
        return isStorable(page) ? replay(page, "miss") : replay(await this.renderOnce(request), "pass");
      }
    }
    const pending = this.renderOnce(request);
    this.rendering.set(key, pending);
    try {
      const page = await pending;
      if (!isStorable(page)) return replay(page, "pass");
      this.pages.set(key, page);
      return replay(page, "miss");
    } finally {
      if (this.rendering.get(key) === pending) this.rendering.delete(key);
    }
  }

  private async renderOnce(request: Request): Promise<StoredPage> {
    return storedPage(await this.render(request));
  }

  get size(): number {
    return this.pages.size;
  }
}
