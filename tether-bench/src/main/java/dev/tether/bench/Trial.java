package dev.tether.bench;

/**
 * One contender's prepared run of a workload: everything before {@link #run} (seeding, opening a
 * session, loading what the workload starts from) is untimed; {@link #run} is the timed part and
 * returns a value derived from what it read or wrote, which goes into the checksum; {@link #close}
 * is untimed.
 */
public interface Trial extends AutoCloseable {
  long run() throws Exception;

  /**
   * Bytes of heap held per managed entity, or -1 when not measured; asked after {@link #run}
   * (untimed), before {@link #close}.
   */
  default long bytesPerEntity() {
    return -1;
  }

  @Override
  default void close() throws java.sql.SQLException {}
}
