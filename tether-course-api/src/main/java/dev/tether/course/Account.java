package dev.tether.course;

import dev.tether.Column;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Table;

/**
 * A login of the course's authentication chapter: an email, the password's BCrypt hash, and the
 * current session. Tokens are stored only as SHA-256 hashes, so the table alone opens no session.
 */
@Table("account")
public class Account extends Model {
  @Id public Integer id;

  @Column(nullable = false, unique = true, length = 255)
  public String email;

  /** BCrypt: salted, slow on purpose; never the password itself. */
  @Column(nullable = false, length = 100)
  public String passwordDigest;

  @Column(unique = true, length = 64)
  public String sessionTokenHash;

  /** Unix seconds after which the session token is refused. */
  public Long sessionExpiration;

  @Column(unique = true, length = 64)
  public String updateTokenHash;

  /** For Tether, which creates instances when it loads rows. */
  public Account() {}
}
