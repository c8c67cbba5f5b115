package dev.debrief.index;

import dev.debrief.ingest.ReportReader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Expands the inputs of an ingest into report files.
 *
 * <ul>
 *   <li>A file named on the command line is always read, whatever its type: if it is not a report,
 *       that is a failure with the reason.
 *   <li>In a folder (recursively, symbolic links to folders not followed), only report files are
 *       taken ({@link ReportReader#isSupported}); other files and dotfiles are skipped quietly and
 *       counted.
 *   <li>Hidden folders ({@code .git}) and Debrief's own folders (the index, the Slack state) are
 *       never entered; naming one of Debrief's folders directly is a failure.
 * </ul>
 */
final class FolderWalk {
  /**
   * @param files report files in walk order (sorted within each folder), explicit files as given
   * @param failures inputs that are missing, unlistable, or Debrief's own folders
   * @param skipped files met in folders that are not reports
   */
  record Result(List<Path> files, List<IngestResult.Failure> failures, int skipped) {}

  private final Set<Path> debriefFolders;

  /**
   * @param debriefFolders folders Debrief writes (the index, the Slack state); never walked
   */
  FolderWalk(Collection<Path> debriefFolders) {
    this.debriefFolders =
        debriefFolders.stream().map(FolderWalk::canonical).collect(Collectors.toSet());
  }

  Result expand(List<Path> inputs) {
    List<Path> files = new ArrayList<>();
    List<IngestResult.Failure> failures = new ArrayList<>();
    int[] skipped = {0};
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        failures.add(new IngestResult.Failure(input.toString(), "no such file or folder"));
      } else if (!Files.isDirectory(input)) {
        files.add(input);
      } else if (debriefFolders.contains(canonical(input))) {
        failures.add(
            new IngestResult.Failure(
                input.toString(),
                "this is a folder Debrief writes (its index or" + " state), not reports"));
      } else {
        walk(input, files, failures, skipped);
      }
    }
    return new Result(files, failures, skipped[0]);
  }

  private void walk(
      Path root, List<Path> files, List<IngestResult.Failure> failures, int[] skipped) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && (hidden(dir) || debriefFolders.contains(canonical(dir)))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              boolean regular =
                  attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file));
              if (!regular) {
                return FileVisitResult.CONTINUE; // sockets, links to folders
              }
              if (hidden(file) || !ReportReader.isSupported(file.getFileName().toString())) {
                skipped[0]++;
              } else {
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              failures.add(
                  new IngestResult.Failure(file.toString(), "cannot read: " + e.getMessage()));
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      failures.add(
          new IngestResult.Failure(root.toString(), "cannot list folder: " + e.getMessage()));
    }
    found.sort(null);
    files.addAll(found);
  }

  private static boolean hidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }

  /** The real path when it exists (symbolic links resolved), else the absolute normalized one. */
  static Path canonical(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
