package org.drivesync.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.drivesync.bench.ApiClient;

/**
 * The built {@code drivesync.jar} as an operator runs it, on the embedded default: a service in the
 * background and commands beside it, each a separate process with only the environment given (no
 * inherited DRIVESYNC_ variable can point it elsewhere). Fault tests run after packaging.
 */
final class Jar {
  static final Path FILE = Path.of(System.getProperty("user.dir"), "target", "drivesync.jar");
  static final Path CONFIG = Path.of(System.getProperty("user.dir")).resolveSibling("config.yml");

  /** What a command printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private Jar() {}

  private static ProcessBuilder builder(Map<String, String> env, List<String> arguments) {
    if (!Files.isRegularFile(FILE)) {
      throw new IllegalStateException(FILE + " is missing: these tests run after mvn package");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Ddw.auth.bcryptCost=4");
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("DRIVESYNC_"));
    builder.environment().putAll(env);
    return builder;
  }

  /** Starts {@code java <jvmOptions> -jar drivesync.jar server …}, its output in {@code log}. */
  static Process server(
      Map<String, String> env, Path log, List<String> jvmOptions, String... arguments) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.addAll(List.of("-jar", FILE.toString(), "server"));
    all.addAll(List.of(arguments));
    try {
      Files.createDirectories(log.getParent());
      return builder(env, all)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code java -jar drivesync.jar <arguments>} to the end, feeding it {@code stdin}. */
  static Result command(Map<String, String> env, String stdin, String... arguments) {
    List<String> all = new ArrayList<>(List.of("-jar", FILE.toString()));
    all.addAll(List.of(arguments));
    try {
      Path out = Files.createTempFile("drivesync-command", ".out");
      Path err = Files.createTempFile("drivesync-command", ".err");
      Process process =
          builder(env, all).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IllegalStateException(String.join(" ", arguments) + " did not finish");
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the admin port's health check answers 200. */
  static void awaitHealthy(Process process, String adminUrl, Path log) {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited early:\n" + read(log));
      }
      try {
        HttpResponse<Void> health =
            client.send(
                HttpRequest.newBuilder(URI.create(adminUrl + "/healthcheck"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      ApiClient.sleep(250);
    }
    throw new IllegalStateException("the service was not healthy after 150 s:\n" + read(log));
  }

  /** SIGTERM and wait: the service stops as on Ctrl-C. */
  static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
