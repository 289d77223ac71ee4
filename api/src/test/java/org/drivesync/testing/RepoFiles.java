package org.drivesync.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository itself (config.yml, docs/), found from wherever the tests run. */
public final class RepoFiles {
  private RepoFiles() {}

  public static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("config.yml")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException("not inside the drivesync repository");
  }
}
