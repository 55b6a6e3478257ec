package dev.tether.bench;

import dev.tether.bench.jdbc.Counters;

/**
 * One contender at one scale point of one workload variant on one database: the median of the
 * measured iterations, with the statement counts of the last one and the checksum.
 *
 * @param seconds median wall time of the timed part
 * @param ops operations per run (rows, lookups, moves, transactions: {@link Workload#opUnit})
 * @param checksum database content after the run mixed with the run's own result
 * @param checksumOk whether every contender at this point produced the same checksum
 * @param bytesPerEntity heap retained per managed entity, or -1 when not measured
 */
public record Result(
    String workload,
    String db,
    int n,
    String impl,
    String variant,
    double seconds,
    double minSeconds,
    double maxSeconds,
    int iterations,
    long ops,
    Counters.Snapshot counts,
    boolean countsStable,
    long checksum,
    boolean checksumOk,
    long bytesPerEntity) {

  public double opsPerSecond() {
    return ops / seconds;
  }

  /** Nanoseconds per operation. */
  public double nanosPerOp() {
    return seconds * 1e9 / ops;
  }

  public Result withChecksumOk(boolean ok) {
    return new Result(
        workload,
        db,
        n,
        impl,
        variant,
        seconds,
        minSeconds,
        maxSeconds,
        iterations,
        ops,
        counts,
        countsStable,
        checksum,
        ok,
        bytesPerEntity);
  }
}
