package org.drivesync.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drivesync.testing.TestApp;
import org.junit.jupiter.api.Test;

/** The field app's files as the service serves them: all precached, small, and locked down. */
class FieldAppAssetsTest {
  private static final Path ROOT = Path.of("src/main/resources/assets/app");
  private static final int FIRST_LOAD_LIMIT = 300 * 1024;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theServiceWorkerPrecachesEveryFileOfTheAppExceptTheLazyQrReader() throws Exception {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(ROOT)) {
      walk.filter(Files::isRegularFile)
          .map(p -> ROOT.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("vendor/") && !p.equals("sw.js"))
          .forEach(files::add);
    }
    assertThat(precached()).contains("./").containsAll(files);
    assertThat(files.size() + 1).isEqualTo(precached().size());
  }

  @Test
  void theFirstLoadIsUnder300KilobytesCompressedAndEveryFileIsServedLockedDown() throws Exception {
    long total = 0;
    List<String> firstLoad = new ArrayList<>(precached());
    firstLoad.add("sw.js");
    for (String file : firstLoad) {
      HttpResponse<byte[]> answer = get("/app/" + file.replace("./", ""));
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Security-Policy"))
          .as(file)
          .get()
          .asString()
          .contains("script-src 'self'")
          .contains("worker-src 'self'")
          .doesNotContain("unsafe");
      total += answer.body().length;
    }
    System.out.println(
        "field app: first load " + total + " bytes compressed, " + firstLoad.size() + " files");
    assertThat(total).isLessThanOrEqualTo(FIRST_LOAD_LIMIT);
    assertThat(get("/app/js/main.js").headers().firstValue("Content-Encoding"))
        .as("served gzipped")
        .hasValue("gzip");
    assertThat(get("/app/manifest.json").headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/json");
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(TestApp.get().baseUrl() + path))
            .header("Accept-Encoding", "gzip")
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<String> precached() throws Exception {
    String sw = Files.readString(ROOT.resolve("sw.js"));
    Matcher list = Pattern.compile("PRECACHE = \\[(.*?)\\];", Pattern.DOTALL).matcher(sw);
    assertThat(list.find()).isTrue();
    List<String> entries = new ArrayList<>();
    Matcher entry = Pattern.compile("'([^']+)'").matcher(list.group(1));
    while (entry.find()) {
      entries.add(entry.group(1));
    }
    return entries;
  }
}
