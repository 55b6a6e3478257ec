package dev.tether.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.testing.StatementRecorder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./course-api} itself, as a user starts it: on an SQLite file and a free port ({@code
 * --port 0}), it prints {@code listening on http://127.0.0.1:N} and serves the API there. The
 * script runs on this test's classpath ({@code COURSE_API_CLASSPATH}) instead of building: Maven is
 * already running this test.
 */
class CourseApiScriptTest {
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

  @TempDir Path dir;

  @Test
  void startsPrintsItsAddressAndServes() throws Exception {
    Path script = Path.of("").toAbsolutePath().getParent().resolve("course-api");
    assertThat(script).isExecutable();
    Path file = dir.resolve("course.db");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString(), "--port", "0", "--db", "jdbc:sqlite:" + file)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("COURSE_API_CLASSPATH", System.getProperty("java.class.path"));
    Process server = builder.start();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(60, TimeUnit.SECONDS);
      Matcher listening = LISTENING.matcher(line == null ? "" : line);
      assertThat(listening.matches()).as("first line: %s", line).isTrue();
      assertThat(Integer.parseInt(listening.group(2))).isPositive();

      Http http = new Http(listening.group(1), new StatementRecorder());
      http.post("/api/users/", "{\"name\": \"Ann\", \"netid\": \"a1\"}")
          .is(201, "{\"id\": 1, \"name\": \"Ann\", \"netid\": \"a1\", \"courses\": []}");
      http.get("/api/users/1/")
          .is(200, "{\"id\": 1, \"name\": \"Ann\", \"netid\": \"a1\", \"courses\": []}");
      assertThat(Files.size(file)).isPositive();
    } finally {
      server.destroy();
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
