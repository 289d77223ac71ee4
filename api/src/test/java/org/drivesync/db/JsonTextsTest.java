package org.drivesync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.drivesync.testing.PostgresDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** JSON texts joined in Java come back from PostgreSQL's string_to_array exactly, nulls too. */
class JsonTextsTest {
  @RegisterExtension static final PostgresDatabaseExtension db = PostgresDatabaseExtension.empty();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] VALUES = {
    "",
    "plain",
    "quote \" backslash \\ slash /",
    "tab\t newline\n cr\r",
    "café 日本語 🗳",
    "\u0001\u001e\u001f",
    "{\"not\": \"an object\"}",
    "NULL",
    "{}",
    ","
  };

  @Test
  void postgresqlSplitsTheJoinedTextsBackExactly() throws Exception {
    Random random = new Random(14);
    for (int round = 0; round < 20; round++) {
      String[] texts = new String[1 + random.nextInt(40)];
      for (int i = 0; i < texts.length; i++) {
        texts[i] =
            random.nextInt(6) == 0
                ? null
                : JSON.writeValueAsString(
                    Map.of(
                        "v",
                        VALUES[random.nextInt(VALUES.length)],
                        "n",
                        random.nextDouble(),
                        "a",
                        List.of(VALUES[random.nextInt(VALUES.length)], random.nextInt())));
      }
      assertThat(split(JsonTexts.join(texts))).containsExactly(texts);
    }
    assertThat(split(JsonTexts.join(new String[] {null}))).containsExactly((String) null);
    assertThat(split(JsonTexts.join(new String[] {"1", null, "\"\""})))
        .containsExactly("1", null, "\"\"");
    assertThat(split(JsonTexts.join(new String[0]))).isEmpty();
  }

  @Test
  void aTextThatIsNotJsonIsRefused() {
    for (String bad : new String[] {"", "a\u001eb", "\u001f"}) {
      assertThatThrownBy(() -> JsonTexts.join(new String[] {"1", bad}))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static List<String> split(String joined) throws Exception {
    try (Connection c = db.ownerDataSource().getConnection();
        PreparedStatement s = c.prepareStatement("SELECT string_to_array(?, E'\\x1e', E'\\x1f')")) {
      s.setString(1, joined);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        Array array = rs.getArray(1);
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
      }
    }
  }
}
