package org.drivesync.eligibility.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The strict PO reader and the writer: what translators' tools write is read back exactly; anything
 * else refused.
 */
class PoFormatTest {
  private static PoFile read(String po) {
    return PoReader.read(po.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writtenFilesReadBackExactlyIncludingEscapesLineBreaksFlagsAndPreviousSource() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Language", "pa_Arab");
    headers.put("Plural-Forms", "nplurals=2; plural=(n > 1);");
    List<PoEntry> entries =
        List.of(
            PoEntry.of("message:a", "Say \"hi\"\\ then\ttab", "کہو \"ہائے\"\\"),
            new PoEntry(
                0,
                List.of("a translator note"),
                List.of("state: stale"),
                Set.of("fuzzy"),
                "Old text",
                "label:b",
                "Line one\nline two",
                null,
                List.of("ایک\nدو")),
            new PoEntry(
                0,
                List.of(),
                List.of(),
                Set.of(),
                null,
                "message:c",
                "{n} day",
                "{n} days",
                List.of("{n} دن", "{n} دن")));
    PoFile back = PoReader.read(PoWriter.write(List.of("file comment"), headers, entries));
    assertThat(back.headers()).containsExactlyEntriesOf(headers);
    assertThat(back.entries()).hasSize(3);
    assertThat(back.entries().get(0).msgid()).isEqualTo("Say \"hi\"\\ then\ttab");
    assertThat(back.entries().get(0).translation()).isEqualTo("کہو \"ہائے\"\\");
    PoEntry fuzzy = back.entries().get(1);
    assertThat(fuzzy.fuzzy()).isTrue();
    assertThat(fuzzy.previousMsgid()).isEqualTo("Old text");
    assertThat(fuzzy.comments()).containsExactly("a translator note");
    assertThat(fuzzy.extracted()).containsExactly("state: stale");
    assertThat(fuzzy.msgid()).isEqualTo("Line one\nline two");
    assertThat(fuzzy.translation()).isEqualTo("ایک\nدو");
    assertThat(back.entries().get(2).msgidPlural()).isEqualTo("{n} days");
    assertThat(back.entries().get(2).msgstr()).hasSize(2);
  }

  @Test
  void continuedStringsAndCrlfLineEndingsAsPoeditWritesThem() {
    PoFile po =
        read(
            "msgid \"\"\r\nmsgstr \"\"\r\n\"Language: cy\\n\"\r\n\r\n"
                + "msgctxt \"message:x\"\r\nmsgid \"\"\r\n\"Two \"\r\n\"parts\"\r\nmsgstr \"Dwy \"\r\n\"ran\"\r\n");
    assertThat(po.header("language")).contains("cy");
    assertThat(po.entries().get(0).msgid()).isEqualTo("Two parts");
    assertThat(po.entries().get(0).translation()).isEqualTo("Dwy ran");
  }

  @Test
  void malformedFilesAreRefusedWithTheLine() {
    Map<String, Integer> cases =
        Map.of(
            "msgctxt \"message:x\"\nmsgid \"a\"\nmsgstr \"b\" trailing\n", 3,
            "msgctxt \"message:x\"\nmsgid \"a\"\n", 1,
            "msgctxt \"message:x\"\nmsgid \"a\\q\"\nmsgstr \"b\"\n", 2,
            "msgctxt \"message:x\"\nmsgid \"a\"\nmsgstr[0] \"b\"\n", 3,
            "msgctxt \"message:x\"\nmsgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"b\"\n", 4,
            "msgctxt \"message:x\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgctxt \"message:x\"\nmsgid \"a\"\nmsgstr \"c\"\n",
                5,
            "msgctxt \"message:x\"\nmsgid \"a\"\nmsgstr \"b\"\n\nmsgid \"\"\nmsgstr \"Language: cy\\n\"\n",
                5,
            "#, fuzzy\n\nmsgid \"a\"\nmsgstr \"b\"\n", 1,
            "msgctxt \"message:x\"\nmsgid \"a\"\nmsgstr \"b\"\nbogus \"c\"\n", 4,
            "#? odd comment\nmsgid \"a\"\nmsgstr \"b\"\n", 1);
    cases.forEach(
        (po, line) ->
            assertThatThrownBy(() -> read(po))
                .as(po)
                .isInstanceOfSatisfying(
                    PoSyntaxException.class, e -> assertThat(e.line()).isEqualTo(line)));
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] latin1 = "msgid \"caf\u00e9\"\nmsgstr \"x\"\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> PoReader.read(latin1))
        .isInstanceOf(PoSyntaxException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void placeholdersMustMatchTheEnglishExactly() {
    String english = "Register by {deadline} to vote on {pollDate}.";
    assertThat(Placeholders.problem(english, "{pollDate} کو ووٹ کے لیے {deadline} تک رجسٹر کریں۔"))
        .isEmpty();
    assertThat(Placeholders.problem(english, "Cofrestrwch erbyn {deadline}.")).isPresent();
    assertThat(
            Placeholders.problem(
                english, "Cofrestrwch erbyn {deadlin} i bleidleisio ar {pollDate}."))
        .isPresent();
    assertThat(
            Placeholders.problem(
                english, "Cofrestrwch erbyn {deadline i bleidleisio ar {pollDate}."))
        .get()
        .asString()
        .contains("broken");
    assertThat(Placeholders.problem("No placeholders.", "Dim {here}.")).isPresent();
  }
}
