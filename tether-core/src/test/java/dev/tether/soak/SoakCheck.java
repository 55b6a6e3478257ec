package dev.tether.soak;

import dev.tether.testing.PlainSql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the database, read with plain JDBC after a soak, to what each caller was told: the money is
 * all there; each account's balance and version are what its ledger rows say; every succeeded
 * transfer's row is there once, no failed or declined one's is, and no row is there that no
 * transfer wrote; an unknown outcome may be either (counted in {@link #unknownApplied()}).
 */
final class SoakCheck {
  /** At most this many violations are listed one by one. */
  private static final int LISTED = 20;

  private final String url;
  private final int accounts;
  private final long initialBalance;
  private final boolean pairLimit;
  private final List<String> violations = new ArrayList<>();
  private int more;
  private int unknownApplied;

  SoakCheck(String url, int accounts, long initialBalance, boolean pairLimit) {
    this.url = url;
    this.accounts = accounts;
    this.initialBalance = initialBalance;
    this.pairLimit = pairLimit;
  }

  private void violation(String what) {
    if (violations.size() < LISTED) {
      violations.add(what);
    } else {
      more++;
    }
  }

  /** Every broken invariant (empty when all hold); also fills {@link #unknownApplied()}. */
  List<String> violations(List<Attempted> transfers) {
    Map<String, Attempted> byId = new HashMap<>();
    for (Attempted t : transfers) {
      byId.put(t.id, t);
      if (t.untyped != null) {
        violation("transfer " + t.id + " failed with an untyped exception: " + t.untyped);
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    long[] in = new long[accounts + 1];
    long[] out = new long[accounts + 1];
    int[] touches = new int[accounts + 1];
    for (List<String> row :
        PlainSql.rows(url, "SELECT id, from_account, to_account, amount FROM soak_transfer")) {
      String id = row.get(0);
      int from = Integer.parseInt(row.get(1));
      int to = Integer.parseInt(row.get(2));
      long amount = Long.parseLong(row.get(3));
      seen.merge(id, 1, Integer::sum);
      Attempted t = byId.get(id);
      if (t == null) {
        violation("ledger row " + id + " belongs to no transfer");
      } else if (t.from != from || t.to != to || t.amount != amount) {
        violation("ledger row " + id + " is " + row + ", not the transfer's own values");
      }
      if (from >= 1 && from <= accounts && to >= 1 && to <= accounts) {
        out[from] += amount;
        in[to] += amount;
        touches[from]++;
        touches[to]++;
      }
    }
    for (Attempted t : transfers) {
      int rows = seen.getOrDefault(t.id, 0);
      if (rows > 1) {
        violation("transfer " + t.id + " applied " + rows + " times");
      }
      boolean present = rows > 0;
      switch (t.outcome) {
        case SUCCEEDED -> {
          if (!present) {
            violation("transfer " + t.id + " succeeded but its ledger row is missing");
          }
        }
        case FAILED, DECLINED -> {
          if (present) {
            violation("transfer " + t.id + " " + t.outcome + " (" + t.kind + ") but is applied");
          }
        }
        case UNKNOWN -> unknownApplied += present ? 1 : 0;
      }
    }
    checkAccounts(in, out, touches);
    List<String> all = new ArrayList<>(violations);
    if (more > 0) {
      all.add("and " + more + " more");
    }
    return all;
  }

  private void checkAccounts(long[] in, long[] out, int[] touches) {
    List<List<String>> rows =
        PlainSql.rows(url, "SELECT id, balance, version FROM soak_account ORDER BY id");
    if (rows.size() != accounts) {
      violation(rows.size() + " accounts, expected " + accounts);
    }
    long sum = 0;
    long[] balance = new long[accounts + 1];
    for (List<String> row : rows) {
      int id = Integer.parseInt(row.get(0));
      long b = Long.parseLong(row.get(1));
      int version = Integer.parseInt(row.get(2));
      sum += b;
      if (id < 1 || id > accounts) {
        violation("unexpected account " + id);
        continue;
      }
      balance[id] = b;
      long expected = initialBalance + in[id] - out[id];
      if (b != expected) {
        violation("account " + id + " holds " + b + ", its ledger rows say " + expected);
      }
      if (version != 1 + touches[id]) {
        violation(
            "account " + id + " is at version " + version + " after " + touches[id] + " transfers");
      }
    }
    if (sum != initialBalance * accounts) {
      violation("the accounts hold " + sum + " in all, expected " + initialBalance * accounts);
    }
    if (pairLimit) {
      for (int i = 1; i + 1 <= accounts; i += 2) {
        if (balance[i] + balance[i + 1] < 0) {
          violation("pair " + i + "-" + (i + 1) + " holds " + (balance[i] + balance[i + 1]));
        }
      }
    }
  }

  /** Unknown outcomes that the database holds: committed although the caller could not know. */
  int unknownApplied() {
    return unknownApplied;
  }
}
