/**
 * Fetching reports from the web without becoming a server-side request forgery (SSRF) proxy.
 *
 * <p>{@link dev.debrief.fetch.SafeFetcher} accepts only {@code http} and {@code https} URLs (RFC
 * 3986 §3.1, RFC 9110 §4.2), resolves the host through an injectable {@link
 * dev.debrief.fetch.HostResolver}, and refuses when any resolved address is special-purpose ({@link
 * dev.debrief.fetch.AddressPolicy}: loopback, private (RFC 1918), link-local (RFC 3927, RFC 4291
 * §2.5.6), unique-local (RFC 4193), shared address space / CGNAT (RFC 6598), "this network" (RFC
 * 791/RFC 6890), multicast (RFC 5771, RFC 4291 §2.7), broadcast, the IPv6 unspecified address,
 * IPv4-mapped / IPv4-compatible / NAT64 (RFC 6052) / 6to4 (RFC 3056) forms of blocked IPv4
 * addresses, and cloud metadata endpoints (169.254.169.254, fd00:ec2::254,
 * metadata.google.internal). The check runs after DNS resolution and again for every redirect
 * target (RFC 9110 §15.4; at most five are followed, by hand). {@link dev.debrief.fetch.FetchUrls}
 * holds the URL rules and the file name a body is ingested under; {@link
 * dev.debrief.fetch.CappedBody} reads a body under the size cap and read timeout.
 *
 * <p>The connection goes to the vetted address itself (no second DNS lookup, so no DNS rebinding
 * between check and connect), through a loopback port inside this process that {@link
 * java.net.http.HttpClient} takes for its proxy: plain {@code http} requests are sent on to the
 * vetted address in origin form ({@code GET /path HTTP/1.1} with {@code Host}, RFC 9112 §3.2.1;
 * strict origin servers refuse the absolute form a proxy would get), one request per connection;
 * {@code https} goes through a CONNECT tunnel (RFC 9110 §9.3.6) that opens the TCP connection to
 * the vetted address, while TLS (SNI and certificate checks against the host name) stays end to end
 * between the client and the server.
 *
 * <p>Hosts named in {@code access.allowHosts} skip the address check (for intranet wikis, and for
 * loopback test servers); the scheme, size, timeout and redirect rules still apply to them.
 *
 * <p>This package only fetches: it depends on no other Debrief package. Ingesting a fetched page is
 * {@link dev.debrief.intake.WebIngest}'s job.
 */
package dev.debrief.fetch;
