package dev.tether.soak;

import dev.tether.CommitOutcomeUnknownException;
import dev.tether.Database;
import dev.tether.DatabaseException;
import dev.tether.Registry;
import dev.tether.RetryPolicy;
import dev.tether.Session;
import dev.tether.TetherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The transfer soak of issue 15: threads move money between random accounts for a bounded time and
 * count, each transfer one {@code inTransaction} that reads both accounts ({@link Account}, with
 * {@code @Version}), moves the amount and writes a {@link Transfer} ledger row whose key the client
 * chose. Each transfer's outcome is what its caller was told: succeeded, failed (by code and
 * SQLSTATE) or unknown ({@link CommitOutcomeUnknownException}). A {@link Fault} runs during the
 * transfers (kill storms, node kills). Afterwards {@link SoakCheck} holds the database to what the
 * callers were told, and {@link #run()} returns a {@link SoakReport}.
 *
 * <pre>{@code
 * Database db = target.open(TransferSoak.models(), url);
 * SoakReport r = TransferSoak.on(db, url).label("POSTGRESQL storm").threads(6)
 *     .duration(ofSeconds(6)).maxTransfers(20_000)
 *     .fault(Fault.every("kill", ofSeconds(1), ofSeconds(4), ofMillis(250), target::killOtherConnections))
 *     .run();
 * System.out.println(r);
 * assertThat(r.violations()).isEmpty();
 * }</pre>
 *
 * <p>With {@link #pairLimit()}, accounts form pairs (1–2, 3–4, …) whose total may not go below
 * zero: a transfer reads the sending account's partner too and declines when the pair's total would
 * drop below zero. The partner is read, never written, so only a serializable execution keeps the
 * rule (write skew breaks it otherwise); {@link SoakCheck} checks it.
 */
public final class TransferSoak {
  /** How one transfer's transaction runs: {@code work -> db.inTransaction(options, work)}. */
  @FunctionalInterface
  public interface Transactions {
    void run(Consumer<Session> work);
  }

  /** The default retry policy: generous, since contention is the point of a soak. */
  public static final RetryPolicy RETRY =
      RetryPolicy.defaults().attempts(30).backoff(Duration.ofMillis(2), Duration.ofMillis(200));

  private final Database db;
  private final String verifyUrl;
  private String label = "soak";
  private int threads = 4;
  private int accounts = 16;
  private long initialBalance = 1_000;
  private long maxAmount = 100;
  private Duration duration = Duration.ofSeconds(5);
  private int maxTransfers = 100_000;
  private boolean pairLimit;
  private Fault fault = Fault.none();
  private Transactions transactions;

  private TransferSoak(Database db, String verifyUrl) {
    this.db = Objects.requireNonNull(db);
    this.verifyUrl = Objects.requireNonNull(verifyUrl);
    RetryPolicy retry = RETRY;
    this.transactions = work -> db.inTransaction(retry, work);
  }

  /** The models a soak database needs: open the database with these. */
  public static Registry models() {
    return Registry.of(Account.class, Transfer.class);
  }

  /**
   * A soak on {@code db}, whose tables ({@link #models()}) exist and are empty; {@code verifyUrl}
   * reaches the same database with plain JDBC, for the final check.
   */
  public static TransferSoak on(Database db, String verifyUrl) {
    return new TransferSoak(db, verifyUrl);
  }

  public TransferSoak label(String label) {
    this.label = label;
    return this;
  }

  public TransferSoak threads(int threads) {
    this.threads = threads;
    return this;
  }

  /** Number of accounts (even with {@link #pairLimit()}); fewer accounts, more conflicts. */
  public TransferSoak accounts(int accounts) {
    this.accounts = accounts;
    return this;
  }

  /** Each account's starting balance, and the largest amount one transfer moves. */
  public TransferSoak money(long initialBalance, long maxAmount) {
    this.initialBalance = initialBalance;
    this.maxAmount = maxAmount;
    return this;
  }

  /** No transfer starts after this much time. */
  public TransferSoak duration(Duration duration) {
    this.duration = duration;
    return this;
  }

  /** No more than this many transfers in all. */
  public TransferSoak maxTransfers(int maxTransfers) {
    this.maxTransfers = maxTransfers;
    return this;
  }

  /** Pairs of accounts whose total may not go below zero (see the class comment). */
  public TransferSoak pairLimit() {
    this.pairLimit = true;
    return this;
  }

  public TransferSoak fault(Fault fault) {
    this.fault = fault;
    return this;
  }

  /** Runs each transfer's work this way instead of {@code db.inTransaction(RETRY, work)}. */
  public TransferSoak transactions(Transactions transactions) {
    this.transactions = transactions;
    return this;
  }

  /** Creates the accounts, runs the transfers and the fault, checks the database, reports. */
  public SoakReport run() throws InterruptedException {
    if (pairLimit && accounts % 2 != 0) {
      throw new IllegalArgumentException("pairLimit needs an even number of accounts");
    }
    db.inTransaction(
        s -> {
          for (int i = 1; i <= accounts; i++) {
            s.add(new Account(i, initialBalance));
          }
        });
    ConcurrentLinkedQueue<Attempted> done = new ConcurrentLinkedQueue<>();
    AtomicInteger issued = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + duration.toNanos();
    FaultRunner faults = FaultRunner.start(fault, start);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                while (System.nanoTime() < deadline && issued.getAndIncrement() < maxTransfers) {
                  done.add(transfer());
                }
              },
              "soak-" + t);
      w.setDaemon(true);
      w.start();
      workers.add(w);
    }
    int hung = 0;
    long joinBy = deadline + Duration.ofMinutes(2).toNanos();
    for (Thread w : workers) {
      w.join(Math.max(1, (joinBy - System.nanoTime()) / 1_000_000));
      if (w.isAlive()) {
        hung++;
      }
    }
    long end = System.nanoTime();
    faults.stop();
    List<Attempted> all = new ArrayList<>(done);
    SoakCheck check = new SoakCheck(verifyUrl, accounts, initialBalance, pairLimit);
    List<String> violations = check.violations(all);
    if (hung > 0) {
      violations.add(0, hung + " threads still inside a transfer 2 minutes after the deadline");
    }
    long faultEnd = start + fault.end().toNanos();
    return Attempted.report(
        label,
        threads,
        accounts,
        Duration.ofNanos(end - start),
        all,
        check.unknownApplied(),
        fault.steps().isEmpty() ? 0 : Attempted.succeededAfter(all, faultEnd),
        fault.describe(),
        faults.runs(),
        faults.errors(),
        violations);
  }

  /** One transfer, start to outcome, on the calling thread. */
  private Attempted transfer() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int from = 1 + random.nextInt(accounts);
    int to = 1 + random.nextInt(accounts - 1);
    if (to >= from) {
      to++;
    }
    Attempted t =
        new Attempted(UUID.randomUUID().toString(), from, to, 1 + random.nextLong(maxAmount));
    try {
      transactions.run(s -> work(s, t));
      t.outcome = t.declined ? Attempted.Outcome.DECLINED : Attempted.Outcome.SUCCEEDED;
    } catch (CommitOutcomeUnknownException e) {
      t.outcome = Attempted.Outcome.UNKNOWN;
      t.kind = e.code();
      t.failure = e;
    } catch (DatabaseException e) {
      t.outcome = Attempted.Outcome.FAILED;
      t.kind = e.code() + "/" + e.sqlState();
      t.failure = e;
    } catch (TetherException e) {
      t.outcome = Attempted.Outcome.FAILED;
      t.kind = e.code();
      t.failure = e;
    } catch (RuntimeException e) {
      t.outcome = Attempted.Outcome.FAILED;
      t.kind = "untyped " + e.getClass().getName();
      t.failure = e;
      t.untyped = e;
    }
    t.endedAt = System.nanoTime();
    return t;
  }

  /** The unit of work of one attempt: read, check, move, write the ledger row. */
  private void work(Session s, Attempted t) {
    t.attempts++;
    t.declined = false;
    Account from = s.get(Account.class, t.from);
    Account to = s.get(Account.class, t.to);
    if (pairLimit) {
      int partnerId = t.from % 2 == 1 ? t.from + 1 : t.from - 1;
      Account partner = s.get(Account.class, partnerId);
      if (partner != to && from.balance + partner.balance - t.amount < 0) {
        t.declined = true;
        return;
      }
    }
    from.balance -= t.amount;
    to.balance += t.amount;
    s.add(new Transfer(t.id, t.from, t.to, t.amount));
  }
}
