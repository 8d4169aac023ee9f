import { describe, expect, it } from "vitest";
import { isDocumentRequest, PageCache } from "@/lib/page-cache/page-cache";

/** A stand-in for Next.js behind the cache: renders a numbered page per call. */
function countingRenderer(answer: (call: number) => Response = (call) => html(`<p>render ${call}</p>`)) {
  const calls: Request[] = [];
  const render = async (request: Request) => {
    calls.push(request);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return answer(calls.length);
  };
  return { render, calls };
}

function html(body: string, init: ResponseInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  return new Response(body, { status: 200, ...init, headers });
}

const get = (url = "http://portal.test/dashboard", headers: HeadersInit = {}) => new Request(url, { headers });

describe("the page cache", () => {
  it("renders a key once and replays it, saying which it did", async () => {
    const { render, calls } = countingRenderer();
    const cache = new PageCache(render);
    const first = await cache.serve(get(), "k1");
    const second = await cache.serve(get(), "k1");
    expect(await first.text()).toBe("<p>render 1</p>");
    expect(await second.text()).toBe("<p>render 1</p>");
    expect(first.headers.get("server-timing")).toBe('page-cache;desc="miss"');
    expect(second.headers.get("server-timing")).toBe('page-cache;desc="hit"');
    expect(calls).toHaveLength(1);

    expect(await (await cache.serve(get(), "k2")).text()).toBe("<p>render 2</p>");
    expect(calls).toHaveLength(2);
  });

  it("renders afresh, and keeps the new page, when the request asks for no cached answer", async () => {
    const { render, calls } = countingRenderer();
    const cache = new PageCache(render);
    await cache.serve(get(), "k");
    const hardReload = await cache.serve(get("http://portal.test/dashboard", { "cache-control": "no-cache", pragma: "no-cache" }), "k");
    expect(await hardReload.text()).toBe("<p>render 2</p>");
    expect(await (await cache.serve(get(), "k")).text()).toBe("<p>render 2</p>");
    expect(await (await cache.serve(get("http://portal.test/dashboard", { "cache-control": "max-age=0" }), "k")).text()).toBe("<p>render 2</p>");
    expect(calls).toHaveLength(2);
    // Hard reloads at the same moment do not share a render.
    const noCache = () => cache.serve(get("http://portal.test/dashboard", { "cache-control": "no-cache" }), "k");
    await Promise.all([noCache(), noCache()]);
    expect(calls).toHaveLength(4);
  });

  it("shares one render between requests that arrive together for the same key", async () => {
    const { render, calls } = countingRenderer();
    const cache = new PageCache(render);
    const pages = await Promise.all(Array.from({ length: 5 }, () => cache.serve(get(), "k")));
    expect(calls).toHaveLength(1);
    for (const page of pages) expect(await page.text()).toBe("<p>render 1</p>");
  });

  it("keeps the page's own headers and drops those of the transfer", async () => {
    const { render } = countingRenderer(() =>
      html("<p>page</p>", { headers: { "x-frame-options": "DENY", "content-length": "11", date: "Mon, 01 Jan 2024 00:00:00 GMT", "cache-control": "private, no-store" } }),
    );
    const cache = new PageCache(render);
    await cache.serve(get(), "k");
    const replayed = await cache.serve(get(), "k");
    expect(replayed.headers.get("x-frame-options")).toBe("DENY");
    expect(replayed.headers.get("cache-control")).toBe("private, no-store");
    expect(replayed.headers.get("date")).toBeNull();
    expect(replayed.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("passes on, without keeping, redirects, errors, non-HTML answers and answers that set cookies", async () => {
    const answers = [
      () => new Response(null, { status: 307, headers: { location: "/sign-in" } }),
      () => html("<p>error</p>", { status: 500 }),
      () => new Response("{}", { headers: { "content-type": "application/json" } }),
      () => html("<p>cookie</p>", { headers: { "set-cookie": "a=b" } }),
    ];
    for (const answer of answers) {
      const { render, calls } = countingRenderer(answer);
      const cache = new PageCache(render);
      const first = await cache.serve(get(), "k");
      const second = await cache.serve(get(), "k");
      expect(first.status).toBe(second.status);
      expect(second.headers.get("server-timing")).toBe('page-cache;desc="pass"');
      expect(calls).toHaveLength(2);
      expect(cache.size).toBe(0);
    }
  });

  it("holds at most its size in bytes, forgetting the least recently used page", async () => {
    const { render, calls } = countingRenderer(() => html("x".repeat(10_000)));
    const cache = new PageCache(render, { maxBytes: 25_000 });
    for (const key of ["a", "b", "c"]) await cache.serve(get(), key);
    expect(cache.size).toBe(2);
    await cache.serve(get(), "a");
    expect(calls).toHaveLength(4);
  });

  it("forgets a page after its time to live", async () => {
    const { render, calls } = countingRenderer();
    const cache = new PageCache(render, { ttlMs: 20 });
    await cache.serve(get(), "k");
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await (await cache.serve(get(), "k")).text()).toBe("<p>render 2</p>");
    expect(calls).toHaveLength(2);
  });
});

describe("document requests", () => {
  const page = "http://portal.test/dashboard";
  const browserDocument = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "sec-fetch-dest": "document", "sec-fetch-mode": "navigate" };

  it("are a browser's GET of the page as a document", () => {
    expect(isDocumentRequest(get(page, browserDocument))).toBe(true);
    expect(isDocumentRequest(get(`${page}?asOf=2026-01-01`, browserDocument))).toBe(true);
    // A client that says nothing of Sec-Fetch but asks for HTML.
    expect(isDocumentRequest(get(page, { accept: "text/html" }))).toBe(true);
  });

  it("are not client-side navigations, prefetches, server actions or clients that do not ask for HTML", () => {
    // What the proxy sees of a client-side navigation once Next.js has stripped its RSC headers.
    expect(isDocumentRequest(get(page, { accept: "*/*", "sec-fetch-dest": "empty", "sec-fetch-mode": "cors" }))).toBe(false);
    expect(isDocumentRequest(get(page, { ...browserDocument, "sec-fetch-dest": "iframe" }))).toBe(false);
    expect(isDocumentRequest(get(page, { ...browserDocument, rsc: "1" }))).toBe(false);
    expect(isDocumentRequest(get(`${page}?_rsc=abc`, browserDocument))).toBe(false);
    expect(isDocumentRequest(get(page, { ...browserDocument, "next-router-prefetch": "1" }))).toBe(false);
    expect(isDocumentRequest(new Request(page, { method: "POST", headers: { ...browserDocument, "next-action": "x" } }))).toBe(false);
    expect(isDocumentRequest(new Request(page, { method: "HEAD", headers: browserDocument }))).toBe(false);
    expect(isDocumentRequest(get(page))).toBe(false);
    expect(isDocumentRequest(get(page, { accept: "*/*" }))).toBe(false);
  });
});
