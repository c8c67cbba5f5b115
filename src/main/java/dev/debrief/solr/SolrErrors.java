package dev.debrief.solr;

import org.apache.solr.common.SolrException;

/**
 * Reading SolrJ's failures: the Solr answer inside a wrapped exception, whether a later try could
 * cure it, whether it is a version conflict, and a one-line reason for messages.
 */
final class SolrErrors {
  /** HTTP status of a version conflict (optimistic concurrency). */
  static final int CONFLICT = 409;

  private SolrErrors() {}

  /** The first {@link SolrException} in {@code t}'s causes or their suppressed ones, or null. */
  static SolrException solrCause(Throwable t) {
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof SolrException se) {
        return se;
      }
      for (Throwable s : c.getSuppressed()) {
        if (s instanceof SolrException se) {
          return se;
        }
      }
    }
    return null;
  }

  /** True for a 5xx answer or none (code 0 or below): a later try may succeed. */
  static boolean retryable(SolrException e) {
    int code = e.code();
    return code >= 500 || code <= 0;
  }

  /** True when {@code t} or one of its causes is Solr's 409 (a version conflict). */
  static boolean isConflict(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SolrException se && se.code() == CONFLICT) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message, without SolrJ's class names ("no answer" for null). */
  static String reason(Throwable t) {
    if (t == null) {
      return "no answer";
    }
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (root != t && t.getMessage() != null && !t.getMessage().contains(m)) {
      m = t.getMessage() + ": " + m;
    }
    return m.replaceAll("\\s+", " ").strip();
  }
}
