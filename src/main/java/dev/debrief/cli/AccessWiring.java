package dev.debrief.cli;

import dev.debrief.access.AccessPolicy;
import dev.debrief.access.SignedLinks;
import dev.debrief.access.Uploads;
import dev.debrief.cite.CitationLinks;
import dev.debrief.config.DebriefConfig;
import dev.debrief.index.ReportCatalog;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Who may see what: signed viewer links ({@code DEBRIEF_LINK_SECRET}), the citation links built
 * with them, the log of who added which report, and the access policy over channel membership. Not
 * thread-safe (see {@link Wiring}).
 */
final class AccessWiring {
  private final Wiring root;
  private final DebriefConfig config;
  private final StorageWiring storage;
  private SignedLinks signedLinks;

  /**
   * @param root the settings (environment, warnings, clock)
   * @param storage the catalog and state store the policy and uploads read
   */
  AccessWiring(Wiring root, StorageWiring storage) {
    this.root = root;
    this.config = root.config();
    this.storage = storage;
  }

  SignedLinks signedLinks() {
    if (signedLinks == null) {
      signedLinks =
          SignedLinks.fromEnv(
              root.env(),
              root.clock(),
              Duration.ofHours(config.access.signedLinkHours),
              root.warnings());
    }
    return signedLinks;
  }

  CitationLinks links() {
    return new CitationLinks(config.web.publicBaseUrl, signedLinks());
  }

  Uploads uploads() {
    return storage.onSolr()
        ? new Uploads(storage.stateStore())
        : new Uploads(Path.of(config.access.uploadsFile));
  }

  AccessPolicy accessPolicy(AccessPolicy.Membership membership) {
    ReportCatalog catalog = storage.catalog();
    return new AccessPolicy(
        () -> catalog.list().stream().flatMap(r -> r.meta().channels().stream()).toList(),
        membership,
        root.clock(),
        Duration.ofSeconds(config.access.membershipCacheSeconds),
        root.warnings());
  }
}
