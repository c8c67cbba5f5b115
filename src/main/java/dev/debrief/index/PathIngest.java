package dev.debrief.index;

import dev.debrief.index.ChangedSources.Pending;
import dev.debrief.ingest.IngestException;
import dev.debrief.ingest.ReportReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of {@link Indexer#ingestPaths}: walks the inputs ({@link FolderWalk}), checks and reads
 * each file, gathers parsed sources into batches of about {@value #BATCH_PASSAGES} passages for
 * {@link BatchWrites}, and stops at the first {@link IndexUnavailableException} (the rest listed as
 * not attempted). Ends with a commit and, when asked, drops sources whose files are gone.
 */
final class PathIngest {
  /** Passages embedded together: one call keeps both cores busy across small reports. */
  static final int BATCH_PASSAGES = 64;

  private final ReportWriter store;
  private final ReportLedger ledger;
  private final FolderWalk walk;
  private final long maxFileBytes;
  private final ChangedSources changes;
  private final BatchWrites batches;
  private final CommitTimer commits;
  private final PassageVectors vectors;

  /**
   * @param store the index written (committed and refreshed at the end)
   * @param ledger drops the sources of missing files
   * @param walk expands the inputs into files
   * @param maxFileBytes larger files are refused
   * @param changes parses the files whose bytes changed
   * @param batches embeds and writes the parsed files
   * @param commits commits at the end of the run
   * @param vectors reads back vectors when a pruned source leaves a report
   */
  PathIngest(
      ReportWriter store,
      ReportLedger ledger,
      FolderWalk walk,
      long maxFileBytes,
      ChangedSources changes,
      BatchWrites batches,
      CommitTimer commits,
      PassageVectors vectors) {
    this.store = store;
    this.ledger = ledger;
    this.walk = walk;
    this.maxFileBytes = maxFileBytes;
    this.changes = changes;
    this.batches = batches;
    this.commits = commits;
    this.vectors = vectors;
  }

  /**
   * Ingests the files and folders; the index is already open for writing.
   *
   * @param prune also drop sources that are local files no longer there
   * @return counts and failures; a bad file becomes a failure
   * @throws IndexException when the index cannot be written (other than unreachable)
   */
  IngestResult run(List<Path> inputs, boolean prune, Indexer.Progress progress) {
    FolderWalk.Result found = walk.expand(inputs);
    IngestTally tally = new IngestTally();
    tally.failures.addAll(found.failures());
    tally.skipped = found.skipped();
    ChangedSources.Run run = new ChangedSources.Run();
    List<Pending> pending = new ArrayList<>();
    List<Path> files = found.files();
    IndexUnavailableException unreachable = null;
    try (WriterThread writes = new WriterThread()) {
      int done = 0;
      for (int f = 0; f < files.size() && unreachable == null; f++) {
        Path file = files.get(f);
        String name = file.getFileName().toString();
        try {
          if (!ReportReader.isSupported(name)) {
            throw new IngestException(
                "not a report: unsupported file type"
                    + extension(name)
                    + " (supported: "
                    + ReportReader.SUPPORTED_EXTENSIONS
                    + ")");
          }
          long size = Files.size(file);
          if (size > maxFileBytes) {
            throw new IngestException(ReportReader.tooLarge(size, maxFileBytes));
          }
          changes
              .prepare(
                  file.toString(),
                  FolderWalk.canonical(file).toString(),
                  name,
                  Files.readAllBytes(file),
                  List.of(),
                  tally,
                  run)
              .ifPresent(pending::add);
          if (pending.stream().mapToInt(p -> p.report().passages().size()).sum()
              >= BATCH_PASSAGES) {
            batches.flush(pending, tally, writes);
          }
        } catch (IngestException e) {
          tally.fail(file.toString(), e.getMessage());
        } catch (IOException e) {
          tally.fail(file.toString(), "cannot read: " + e.getMessage());
        } catch (IndexUnavailableException e) {
          unreachable = e;
          tally.fail(file.toString(), "not indexed: " + e.getMessage());
          for (Path rest : files.subList(f + 1, files.size())) {
            tally.fail(rest.toString(), "not attempted: the index is unreachable");
          }
          for (Pending p : pending) {
            tally.fail(p.input(), "not written: the index is unreachable");
          }
          pending.clear();
        } catch (IndexException e) {
          throw e;
        } catch (RuntimeException e) {
          tally.fail(file.toString(), "could not be parsed: " + e);
        }
        progress.update(++done, files.size(), file.toString());
      }
      batches.flush(pending, tally, writes);
      writes.finish();
    }
    try {
      commits.maybeCommit(true);
    } catch (IndexUnavailableException e) {
      tally.fail(
          "(commit)",
          "the reports written in this run are not committed yet; run the same ingest again to"
              + " commit them: "
              + e.getMessage());
      return tally.result();
    }
    if (prune && unreachable == null) {
      pruneMissing(tally);
    }
    store.refresh();
    return tally.result();
  }

  /** Drops sources that are local files no longer there. */
  private void pruneMissing(IngestTally tally) {
    List<String> gone = new ArrayList<>();
    for (String source : store.sources()) {
      if (source.startsWith("/") && !Files.exists(Path.of(source))) {
        gone.add(source);
      }
    }
    for (String source : gone) {
      ledger
          .detach(source, vectors.forWrites(tally, Map.of(), true))
          .ifPresent(o -> tally.record(source, source, o));
    }
    if (!gone.isEmpty()) {
      store.commit();
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? " (no extension)" : " " + name.substring(dot);
  }
}
