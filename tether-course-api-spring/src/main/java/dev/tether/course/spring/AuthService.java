package dev.tether.course.spring;

import dev.tether.Session;
import dev.tether.course.Account;
import dev.tether.course.Account_;
import dev.tether.course.ApiError;
import dev.tether.query.ColumnAttribute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course's authentication chapter, one transaction per operation: tokens are 32 bytes from
 * {@link SecureRandom}, handed to the client once and stored as SHA-256 hashes; a session lasts
 * {@link #SESSION}. A new password arrives here already hashed ({@link AuthController} runs the
 * slow BCrypt before the transaction).
 */
@Service
public class AuthService {
  /** How long a session token works. */
  static final Duration SESSION = Duration.ofDays(1);

  /** {@code {"session_token", "session_expiration", "update_token"}}. */
  public record Tokens(String sessionToken, long sessionExpiration, String updateToken) {}

  private final Session session;
  private final Clock clock;
  private final PasswordEncoder passwords;
  private final SecureRandom random = new SecureRandom();

  AuthService(Session session, Clock clock, PasswordEncoder passwords) {
    this.session = session;
    this.clock = clock;
    this.passwords = passwords;
  }

  /**
   * A new account and its first session. Flushed here, so that a concurrent registration that won
   * the unique email fails this method with an {@code IntegrityException} (and rolls it back).
   */
  @Transactional
  public Tokens register(String email, String passwordDigest) {
    if (byEmail(email) != null) {
      throw ApiError.badRequest("email " + email + " is already registered");
    }
    Account account = new Account();
    account.email = email;
    account.passwordDigest = passwordDigest;
    session.add(account);
    Tokens tokens = newSession(account);
    session.flush();
    return tokens;
  }

  /** A new session when {@code password} is the account's. */
  @Transactional
  public Tokens login(String email, String password) {
    Account account = byEmail(email);
    if (account == null || !passwords.matches(password, account.passwordDigest)) {
      throw ApiError.unauthorized("invalid email or password");
    }
    return newSession(account);
  }

  /** A new session for the update token; the old update token stops working. */
  @Transactional
  public Tokens refresh(String updateToken) {
    Account account = byToken(Account_.updateTokenHash, updateToken);
    if (account == null) {
      throw ApiError.unauthorized("invalid update token");
    }
    return newSession(account);
  }

  /** Ends the session of a valid session token. */
  @Transactional
  public void logout(String sessionToken) {
    Account account = validSession(sessionToken);
    account.sessionTokenHash = null;
    account.sessionExpiration = null;
    account.updateTokenHash = null;
  }

  /** The email of a valid, unexpired session token's account; 401 otherwise. */
  @Transactional(readOnly = true)
  public String emailOf(String sessionToken) {
    return validSession(sessionToken).email;
  }

  private Account validSession(String token) {
    Account account = byToken(Account_.sessionTokenHash, token);
    if (account == null
        || account.sessionExpiration == null
        || account.sessionExpiration <= clock.instant().getEpochSecond()) {
      throw ApiError.unauthorized("invalid or expired session token");
    }
    return account;
  }

  private Tokens newSession(Account account) {
    String sessionToken = token();
    String update = token();
    long expiration = clock.instant().plus(SESSION).getEpochSecond();
    account.sessionTokenHash = sha256(sessionToken);
    account.sessionExpiration = expiration;
    account.updateTokenHash = sha256(update);
    return new Tokens(sessionToken, expiration, update);
  }

  private Account byEmail(String email) {
    return session.select(Account.class).where(Account_.email.eq(email)).optional().orElse(null);
  }

  private Account byToken(ColumnAttribute<Account, String> column, String token) {
    return session.select(Account.class).where(column.eq(sha256(token))).optional().orElse(null);
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
