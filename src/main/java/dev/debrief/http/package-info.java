/**
 * The contracts between the web server and the Slack side, so that neither package depends on the
 * other: {@link dev.debrief.http.RawEndpoint} (a request exactly as it arrived, raw body and
 * headers, which the Slack package implements for {@code POST /slack/events}) and {@link
 * dev.debrief.http.SignIn} ("Sign in with Slack", implemented by the Slack package over OpenID
 * Connect and used by the ask site). Depends on no other Debrief package and on no HTTP library.
 */
package dev.debrief.http;
