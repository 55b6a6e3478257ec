package dev.tether.course.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.testing.StatementRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client (java.net.http) against the running Boot application, which also counts the
 * statements each request sent: the server commits before it answers, so every statement of a
 * request is recorded when its response arrives.
 */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A response: status, parsed body, and the SQL the request sent. */
  record Response(int status, JsonNode body, List<String> statements, String header) {
    /** Asserts the status and the whole body (parsed, so spacing and key order do not matter). */
    Response is(int expectedStatus, String expectedJson) {
      assertThat(status).as("status, body %s", body).isEqualTo(expectedStatus);
      assertThat(body).isEqualTo(JSON.readTree(expectedJson));
      return this;
    }

    /** Asserts how many statements the request sent, listing them when it is not that many. */
    Response statements(int expected) {
      assertThat(statements).as("statements sent").hasSize(expected);
      assertThat(header).as("X-Statements").isEqualTo(Integer.toString(expected));
      return this;
    }
  }

  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final StatementRecorder sql;

  Http(String base, StatementRecorder sql) {
    this.base = base;
    this.sql = sql;
  }

  Response get(String path) {
    return send("GET", path, null);
  }

  Response post(String path, String body) {
    return send("POST", path, body);
  }

  Response delete(String path) {
    return send("DELETE", path, null);
  }

  Response send(String method, String path, String body) {
    return send(method, path, body, null);
  }

  /** A request with {@code Authorization: Bearer token} when {@code token} is not null. */
  Response send(String method, String path, String body, String token) {
    return send(method, path, body, token, "application/json");
  }

  /** A request with this {@code Content-Type} ({@code curl -d} sends a form type). */
  Response send(String method, String path, String body, String token, String contentType) {
    sql.clear();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    HttpRequest request =
        builder
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", contentType)
            .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          JSON.readTree(response.body()),
          sql.statements(),
          response.headers().firstValue("X-Statements").orElse(null));
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(method + " " + path + " interrupted", e);
    }
  }
}
