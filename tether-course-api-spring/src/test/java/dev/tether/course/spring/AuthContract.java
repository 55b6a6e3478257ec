package dev.tether.course.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.course.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The authentication chapter on Spring Boot, with the Javalin server's expectations ({@code
 * tether-course-api}'s {@code AuthTest}): register, login, the secret with and without a valid
 * session token, expiry (on a clock the test moves), refresh, logout; what the database keeps (a
 * BCrypt hash, token hashes); and a registration race the unique email decides. One subclass per
 * database.
 */
abstract class AuthContract extends BootApiTest {
  @Test
  void registerLoginSecretRefreshLogout() {
    String credentials = "{\"email\": \"ann@example.edu\", \"password\": \"correct horse\"}";
    var registered = http.post("/api/register/", credentials).statements(2);
    assertThat(registered.status()).isEqualTo(201);
    assertTokens(registered);
    http.post("/api/register/", credentials)
        .is(400, "{\"error\": \"email ann@example.edu is already registered\"}")
        .statements(1);

    http.post("/api/login/", "{\"email\": \"ann@example.edu\", \"password\": \"wrong\"}")
        .is(401, "{\"error\": \"invalid email or password\"}");
    http.post("/api/login/", "{\"email\": \"bob@example.edu\", \"password\": \"x\"}")
        .is(401, "{\"error\": \"invalid email or password\"}");
    var login = http.post("/api/login/", credentials).statements(2);
    assertThat(login.status()).isEqualTo(200);
    assertTokens(login);
    String session = login.body().get("session_token").asString();
    String update = login.body().get("update_token").asString();
    assertThat(session).isNotEqualTo(registered.body().get("session_token").asString());

    String secret = "{\"message\": \"hello ann@example.edu, your session token works\"}";
    http.send("GET", "/api/secret/", null, session).is(200, secret).statements(1);
    String refused = "{\"error\": \"invalid or expired session token\"}";
    http.send("GET", "/api/secret/", null, registered.body().get("session_token").asString())
        .is(401, refused); // the login replaced the registration's session
    http.send("GET", "/api/secret/", null, update).is(401, refused);
    http.get("/api/secret/")
        .is(401, "{\"error\": \"missing Authorization: Bearer <token>\"}")
        .statements(0);

    clock.advance(AuthService.SESSION);
    http.send("GET", "/api/secret/", null, session).is(401, refused);
    var refreshed = http.send("POST", "/api/session/", null, update).statements(2);
    assertThat(refreshed.status()).isEqualTo(200);
    assertTokens(refreshed);
    http.send("POST", "/api/session/", null, update)
        .is(401, "{\"error\": \"invalid update token\"}"); // used once
    String next = refreshed.body().get("session_token").asString();
    http.send("GET", "/api/secret/", null, next).is(200, secret);

    http.send("POST", "/api/logout/", null, next)
        .is(200, "{\"message\": \"you have been logged out\"}")
        .statements(2);
    http.send("GET", "/api/secret/", null, next).is(401, refused);
    http.send("POST", "/api/logout/", null, next).is(401, refused);
  }

  @Test
  void theDatabaseKeepsHashesOnly() {
    var tokens = http.post("/api/register/", "{\"email\": \"a@b.c\", \"password\": \"pw12345\"}");
    List<Account> accounts =
        db.callInTransaction(s -> s.select(Account.class).list().stream().toList());
    assertThat(accounts).hasSize(1);
    Account account = accounts.get(0);
    assertThat(account.passwordDigest).startsWith("$2a$10$").doesNotContain("pw12345");
    assertThat(account.sessionTokenHash)
        .hasSize(64)
        .isNotEqualTo(tokens.body().get("session_token").asString());
    assertThat(account.updateTokenHash).hasSize(64);
  }

  /** The unique email decides a race that the handler's check cannot: one account, one 201. */
  @Test
  void concurrentRegistrationsOfOneEmailMakeOneAccount() throws Exception {
    String credentials = "{\"email\": \"race@example.edu\", \"password\": \"pw\"}";
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Http.Response>> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(pool.submit(() -> http.post("/api/register/", credentials)));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Http.Response> answer : answers) {
        Http.Response response = answer.get(60, TimeUnit.SECONDS);
        statuses.add(response.status());
        if (response.status() == 400) {
          response.is(400, "{\"error\": \"email race@example.edu is already registered\"}");
        }
      }
      assertThat(statuses).containsOnly(201, 400).containsOnlyOnce(201);
    } finally {
      pool.shutdownNow();
    }
    long accounts = db.callInTransaction(s -> s.select(Account.class).count());
    assertThat(accounts).isEqualTo(1L);
  }

  @Test
  void badBodiesAre400s() {
    http.post("/api/register/", "{\"email\": \"a@b.c\"}")
        .is(400, "{\"error\": \"missing field 'password'\"}")
        .statements(0);
    http.post("/api/login/", "{\"email\": 5, \"password\": \"x\"}")
        .is(400, "{\"error\": \"field 'email' must be a non-empty string\"}")
        .statements(0);
  }

  private void assertTokens(Http.Response response) {
    assertThat(response.body().propertyNames())
        .containsExactly("session_token", "session_expiration", "update_token");
    assertThat(response.body().get("session_token").asString()).matches("[0-9a-f]{64}");
    assertThat(response.body().get("update_token").asString()).matches("[0-9a-f]{64}");
    assertThat(response.body().get("session_expiration").longValue())
        .isEqualTo(clock.instant().plus(AuthService.SESSION).getEpochSecond());
  }
}
