/**
 * The address a request came from, as the reverse proxy in front of the portal reports it:
 * the first hop of X-Forwarded-For, else X-Real-IP. Behind no proxy a client can forge these,
 * which only moves it to another per-address bucket: the per-email limit still holds.
 */
export function clientAddressFrom(headers: Pick<Headers, "get">): string {
  const firstHop = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = firstHop || headers.get("x-real-ip")?.trim() || "unknown";
  return address.slice(0, 100);
}
