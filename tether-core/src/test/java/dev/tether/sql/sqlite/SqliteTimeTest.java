package dev.tether.sql.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The date-time text Tether writes to SQLite, and every form of SQLite's own that it reads. */
class SqliteTimeTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 12, 7, 17, 55, 50);

  @Test
  void writesSecondsAlwaysAndAFractionOnlyWhenNotZeroWithoutTrailingZeros() {
    assertThat(SqliteTime.format(T)).isEqualTo("2026-12-07 17:55:50");
    assertThat(SqliteTime.format(T.withNano(500_000_000))).isEqualTo("2026-12-07 17:55:50.5");
    assertThat(SqliteTime.format(T.withNano(120_000_000))).isEqualTo("2026-12-07 17:55:50.12");
    assertThat(SqliteTime.format(T.withNano(1))).isEqualTo("2026-12-07 17:55:50.000000001");
    assertThat(SqliteTime.format(LocalTime.of(8, 5))).isEqualTo("08:05:00");
    assertThat(SqliteTime.format(LocalTime.of(8, 5, 1, 50_000_000))).isEqualTo("08:05:01.05");
  }

  @Test
  void aValueAsCurrentTimestampWritesItIsWrittenBackIdentically() {
    String sqlite = "2026-12-07 17:55:50";
    assertThat(SqliteTime.format(SqliteTime.parseDateTime(sqlite))).isEqualTo(sqlite);
  }

  @Test
  void readsEveryFormSqliteProduces() {
    assertThat(SqliteTime.parseDateTime("2026-12-07 17:55:50")).isEqualTo(T);
    assertThat(SqliteTime.parseDateTime("2026-12-07T17:55:50")).isEqualTo(T);
    assertThat(SqliteTime.parseDateTime("2026-12-07 17:55")).isEqualTo(T.withSecond(0));
    assertThat(SqliteTime.parseDateTime("2026-12-07")).isEqualTo(T.toLocalDate().atStartOfDay());
    assertThat(SqliteTime.parseDateTime("2026-12-07 17:55:50.120"))
        .isEqualTo(T.withNano(120_000_000));
    assertThat(SqliteTime.parseDateTime("2026-12-07T17:55:50.000000000")).isEqualTo(T);
    assertThat(SqliteTime.parseDateTime("2026-12-07 17:55:50.1234567891234"))
        .isEqualTo(T.withNano(123_456_789));
    assertThat(SqliteTime.parseDateTime("2026-12-07T17:55:50Z")).isEqualTo(T);
    assertThat(SqliteTime.parseTime("17:55:50.25"))
        .isEqualTo(LocalTime.of(17, 55, 50, 250_000_000));
  }

  @Test
  void aZoneIsAppliedAsSqliteDoesConvertingToUtc() {
    assertThat(SqliteTime.parseDateTime("2026-12-07 19:55:50+02:00")).isEqualTo(T);
    assertThat(SqliteTime.parseDateTime("2026-12-07T15:25:50.5-02:30"))
        .isEqualTo(T.withNano(500_000_000));
    assertThat(SqliteTime.parseDateTime("2026-12-08 01:55:50 +0800")).isEqualTo(T);
    assertThat(SqliteTime.parseDateTime("2026-12-07 00:30:00+01:00"))
        .isEqualTo(LocalDateTime.of(2026, 12, 6, 23, 30));
  }

  @Test
  void textThatIsNoDateTimeIsRefused() {
    for (String bad :
        List.of("07/12/2026", "2026-12-07 17", "2026-12-07 17:55:50.", "2026-12-07X17:55", "")) {
      assertThatThrownBy(() -> SqliteTime.parseDateTime(bad))
          .as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }

  @Test
  void textOrderIsTimeOrderAgainstSqlitesOwnText() {
    Random random = new Random(7);
    List<LocalDateTime> times = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      LocalDateTime t = T.plusSeconds(random.nextInt(3)).withNano(randomNanos(random));
      times.add(t);
      // a third as SQLite's CURRENT_TIMESTAMP (whole seconds) and strftime('%f') (milliseconds)
      texts.add(
          switch (i % 3) {
            case 0 -> SqliteTime.format(t);
            case 1 -> SqliteTime.format(t.withNano(0)).substring(0, 19);
            default ->
                String.format("%s.%03d", SqliteTime.format(t.withNano(0)), t.getNano() / 1_000_000);
          });
    }
    List<String> byText = new ArrayList<>(texts);
    byText.sort(Comparator.naturalOrder());
    List<LocalDateTime> parsed = byText.stream().map(SqliteTime::parseDateTime).toList();
    assertThat(parsed).isSorted();
  }

  private static int randomNanos(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1000;
      default -> random.nextInt(1_000_000_000);
    };
  }
}
