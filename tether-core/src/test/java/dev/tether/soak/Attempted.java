package dev.tether.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One transfer of a soak: what was asked, how many attempts it took, what the caller was told. */
final class Attempted {
  enum Outcome {
    SUCCEEDED,
    DECLINED,
    FAILED,
    UNKNOWN
  }

  final String id;
  final int from;
  final int to;
  final long amount;

  /** Written by the transfer's own thread only; read after the threads are joined. */
  int attempts;

  boolean declined;
  Outcome outcome;
  String kind;
  RuntimeException untyped;

  /** What the caller caught, if anything. */
  RuntimeException failure;

  long endedAt;

  Attempted(String id, int from, int to, long amount) {
    this.id = id;
    this.from = from;
    this.to = to;
    this.amount = amount;
  }

  /** The exception and its causes, each with its SQLSTATE where it has one. */
  static String chain(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      b.append(b.length() == 0 ? "" : " <- ").append(c.getClass().getSimpleName());
      if (c instanceof java.sql.SQLException q) {
        b.append('[').append(q.getSQLState()).append(']');
      }
      b.append(": ").append(c.getMessage());
    }
    return b.toString();
  }

  static int succeededAfter(List<Attempted> all, long nanoTime) {
    return (int)
        all.stream().filter(t -> t.outcome == Outcome.SUCCEEDED && t.endedAt > nanoTime).count();
  }

  static SoakReport report(
      String label,
      int threads,
      int accounts,
      Duration elapsed,
      List<Attempted> all,
      int unknownApplied,
      int succeededAfterFaults,
      String faults,
      int faultRuns,
      int faultErrors,
      List<String> violations) {
    long attempts = 0;
    int max = 0;
    int[] byOutcome = new int[Outcome.values().length];
    Map<String, Integer> failed = new TreeMap<>();
    Map<String, String> examples = new TreeMap<>();
    for (Attempted t : all) {
      attempts += t.attempts;
      max = Math.max(max, t.attempts);
      byOutcome[t.outcome.ordinal()]++;
      if (t.outcome == Outcome.FAILED) {
        failed.merge(t.kind, 1, Integer::sum);
      }
      if (t.failure != null) {
        examples.putIfAbsent(t.kind, chain(t.failure));
      }
    }
    return new SoakReport(
        label,
        threads,
        accounts,
        elapsed,
        all.size(),
        attempts,
        attempts - all.size(),
        max,
        byOutcome[Outcome.SUCCEEDED.ordinal()],
        byOutcome[Outcome.DECLINED.ordinal()],
        failed,
        byOutcome[Outcome.UNKNOWN.ordinal()],
        unknownApplied,
        succeededAfterFaults,
        faults,
        faultRuns,
        faultErrors,
        examples,
        List.copyOf(violations));
  }
}
