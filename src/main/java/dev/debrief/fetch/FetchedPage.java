package dev.debrief.fetch;

import java.net.URI;

/**
 * A fetched document.
 *
 * @param requested the URL asked for
 * @param url the final URL after redirects (what citations link to)
 * @param contentType the media type without parameters, lower case ("" when the server sent none)
 * @param fileName a file name whose extension selects the ingest format (e.g. {@code post.html})
 * @param body the body bytes (at most the configured cap)
 * @param redirects how many redirects were followed
 */
public record FetchedPage(
    URI requested, URI url, String contentType, String fileName, byte[] body, int redirects) {}
