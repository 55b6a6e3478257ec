package dev.tether.soak;

import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Table;
import dev.tether.Version;

/**
 * A soak account: a balance guarded by {@code @Version}, so that two transfers touching it at once
 * cannot both write what they read ({@link TransferSoak}).
 */
@Table("soak_account")
public class Account extends Model {
  @Id public Integer id;
  public long balance;
  @Version public Integer version;

  public Account() {}

  Account(int id, long balance) {
    this.id = id;
    this.balance = balance;
  }
}
