package dev.tether.soak;

import dev.tether.Column;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Table;

/**
 * The ledger row of one soak transfer, written in the transfer's own transaction. Its key is chosen
 * by the client before the first attempt, so the soak can tell afterwards whether a transfer whose
 * outcome it was not told (an unknown COMMIT) was in fact applied, and that none was applied twice.
 */
@Table("soak_transfer")
public class Transfer extends Model {
  @Id
  @Column(length = 36)
  public String id;

  public Integer fromAccount;
  public Integer toAccount;
  public long amount;

  public Transfer() {}

  Transfer(String id, int fromAccount, int toAccount, long amount) {
    this.id = id;
    this.fromAccount = fromAccount;
    this.toAccount = toAccount;
    this.amount = amount;
  }
}
