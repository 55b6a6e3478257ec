package dev.tether.course;

import dev.tether.Database;
import dev.tether.IntegrityException;
import dev.tether.Session;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.ObjectMapper;

/**
 * The course's authentication chapter: register, login, refresh the session with the update token,
 * logout, and a secret only a valid, unexpired session token opens. Passwords are BCrypt hashes;
 * tokens are 32 bytes from {@link SecureRandom}, handed to the client once and stored as SHA-256.
 */
final class Auth {
  static final Duration SESSION = Duration.ofDays(1);

  private final Database db;
  private final ObjectMapper json;
  private final Clock clock;
  private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
  private final SecureRandom random = new SecureRandom();

  Auth(Database db, ObjectMapper json, Clock clock) {
    this.db = db;
    this.json = json;
    this.clock = clock;
  }

  /** {@code {"session_token", "session_expiration", "update_token"}}. */
  record Tokens(String sessionToken, long sessionExpiration, String updateToken) {}

  /** {@code {"message": ...}}. */
  record Message(String message) {}

  void routes(RoutesConfig r) {
    r.post("/api/register/", this::register);
    r.post("/api/login/", this::login);
    r.post("/api/session/", this::refresh);
    r.post("/api/logout/", this::logout);
    r.get("/api/secret/", this::secret);
  }

  private void register(Context ctx) {
    Body body = Body.parse(json, ctx.body());
    String email = body.string("email");
    String digest = passwords.encode(body.string("password")); // slow: outside the transaction
    try {
      Tokens tokens =
          db.callInTransaction(
              s -> {
                if (byEmail(s, email) != null) {
                  throw ApiError.badRequest("email " + email + " is already registered");
                }
                Account account = new Account();
                account.email = email;
                account.passwordDigest = digest;
                s.add(account);
                return newSession(account);
              });
      ctx.status(201).json(tokens);
    } catch (IntegrityException e) { // a concurrent registration won the unique email
      throw ApiError.badRequest("email " + email + " is already registered");
    }
  }

  private void login(Context ctx) {
    Body body = Body.parse(json, ctx.body());
    String email = body.string("email");
    String password = body.string("password");
    Tokens tokens =
        db.callInTransaction(
            s -> {
              Account account = byEmail(s, email);
              if (account == null || !passwords.matches(password, account.passwordDigest)) {
                throw ApiError.unauthorized("invalid email or password");
              }
              return newSession(account);
            });
    ctx.json(tokens);
  }

  /** A new session for the update token given as {@code Authorization: Bearer ...}. */
  private void refresh(Context ctx) {
    String token = bearer(ctx);
    Tokens tokens =
        db.callInTransaction(
            s -> {
              Account account = byToken(s, Account_.updateTokenHash, token);
              if (account == null) {
                throw ApiError.unauthorized("invalid update token");
              }
              return newSession(account);
            });
    ctx.json(tokens);
  }

  private void logout(Context ctx) {
    String token = bearer(ctx);
    db.inTransaction(
        s -> {
          Account account = validSession(s, token);
          account.sessionTokenHash = null;
          account.sessionExpiration = null;
          account.updateTokenHash = null;
        });
    ctx.json(new Message("you have been logged out"));
  }

  private void secret(Context ctx) {
    String token = bearer(ctx);
    String email = db.callInTransaction(s -> validSession(s, token).email);
    ctx.json(new Message("hello " + email + ", your session token works"));
  }

  private Account validSession(Session s, String token) {
    Account account = byToken(s, Account_.sessionTokenHash, token);
    if (account == null
        || account.sessionExpiration == null
        || account.sessionExpiration <= clock.instant().getEpochSecond()) {
      throw ApiError.unauthorized("invalid or expired session token");
    }
    return account;
  }

  private Tokens newSession(Account account) {
    String session = token();
    String update = token();
    long expiration = clock.instant().plus(SESSION).getEpochSecond();
    account.sessionTokenHash = sha256(session);
    account.sessionExpiration = expiration;
    account.updateTokenHash = sha256(update);
    return new Tokens(session, expiration, update);
  }

  private static Account byEmail(Session s, String email) {
    return s.select(Account.class).where(Account_.email.eq(email)).optional().orElse(null);
  }

  private static Account byToken(
      Session s, dev.tether.query.ColumnAttribute<Account, String> column, String token) {
    return s.select(Account.class).where(column.eq(sha256(token))).optional().orElse(null);
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ") || header.length() == 7) {
      throw ApiError.unauthorized("missing Authorization: Bearer <token>");
    }
    return header.substring(7).trim();
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
