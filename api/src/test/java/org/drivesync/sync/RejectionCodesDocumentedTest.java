package org.drivesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.drivesync.testing.RepoFiles;
import org.junit.jupiter.api.Test;

/**
 * Every rejection code a push can answer is explained in docs/errors.md and docs/sync-protocol.md.
 */
class RejectionCodesDocumentedTest {
  @Test
  void everyRejectionCodeIsDocumented() throws Exception {
    String errors = Files.readString(RepoFiles.root().resolve("docs/errors.md"));
    String protocol = Files.readString(RepoFiles.root().resolve("docs/sync-protocol.md"));
    for (RejectionCode code : RejectionCode.values()) {
      assertThat(errors).as(code.name()).contains("| `" + code.wireName() + "` |");
      assertThat(protocol).as(code.name()).contains("`" + code.wireName() + "`");
    }
  }
}
