package dev.tether.soak;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@link TransferSoak} run did and whether the database agrees with what its callers were
 * told. {@link #toString()} is one line, for the test's output and the closing note.
 *
 * @param label what ran where, e.g. {@code "POSTGRESQL kill storm"}
 * @param threads concurrent callers
 * @param accounts accounts transferred between
 * @param elapsed from the first transfer to the last one's end
 * @param transfers transfers attempted (each with its own client-chosen ledger key)
 * @param attempts runs of the work, over all transfers ({@code inTransaction}'s attempts)
 * @param retries attempts beyond each transfer's first
 * @param maxAttempts the most attempts one transfer took
 * @param succeeded transfers {@code inTransaction} returned from, money moved
 * @param declined transfers that returned without moving money (the pair limit said no)
 * @param failedByKind failed transfers by {@code code/SQLSTATE} (or exception class when untyped)
 * @param unknown transfers that ended in {@code CommitOutcomeUnknownException}
 * @param unknownApplied of those, how many the database holds (committed after all)
 * @param succeededAfterFaults transfers that succeeded after the last fault step: recovery
 * @param faults the fault steps, by name
 * @param faultRuns how many times a fault step ran
 * @param faultErrors fault steps that threw
 * @param examples one caught exception per failure kind (unknown outcomes included), for reading
 *     what went wrong; not part of {@link #toString()}
 * @param violations every invariant the database broke; empty when all hold
 */
public record SoakReport(
    String label,
    int threads,
    int accounts,
    Duration elapsed,
    int transfers,
    long attempts,
    long retries,
    int maxAttempts,
    int succeeded,
    int declined,
    Map<String, Integer> failedByKind,
    int unknown,
    int unknownApplied,
    int succeededAfterFaults,
    String faults,
    int faultRuns,
    int faultErrors,
    Map<String, String> examples,
    List<String> violations) {

  /** Transfers that ended (any outcome) per second. */
  public double throughput() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : transfers / seconds;
  }

  /** Failed transfers, every kind. */
  public int failed() {
    return failedByKind.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether every invariant held. */
  public boolean invariantsHold() {
    return violations.isEmpty();
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "soak %s: %d threads, %d accounts, %.1f s, %d transfers (%.1f/s), %d attempts, %d retries"
            + " (max %d per transfer), succeeded %d, declined %d, failed %d %s, unknown %d (applied"
            + " %d), faults [%s] ran %d (errors %d), succeeded after faults %d, invariants %s",
        label,
        threads,
        accounts,
        elapsed.toMillis() / 1000.0,
        transfers,
        throughput(),
        attempts,
        retries,
        maxAttempts,
        succeeded,
        declined,
        failed(),
        failedByKind,
        unknown,
        unknownApplied,
        faults,
        faultRuns,
        faultErrors,
        succeededAfterFaults,
        violations.isEmpty() ? "OK" : "BROKEN " + violations);
  }
}
