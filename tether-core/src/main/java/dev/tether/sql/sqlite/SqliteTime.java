package dev.tether.sql.sqlite;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Date-time text as SQLite keeps it. SQLite has no date-time type: its functions and {@code
 * CURRENT_TIMESTAMP} write {@code YYYY-MM-DD HH:MM:SS}, {@code strftime('%f')} adds milliseconds,
 * and applications write {@code T}-separated ISO text with zones.
 *
 * <p><b>Writing</b> uses one format, {@code YYYY-MM-DD HH:MM:SS}, followed only for a non-zero
 * fraction by {@code .} and its digits without trailing zeros. Its text order is time order, also
 * against SQLite's own values: a value without fraction is a prefix of every value with one in the
 * same second, and fraction digits without trailing zeros compare as decimals do. A value read from
 * {@code CURRENT_TIMESTAMP} is written back as the identical text, so {@code WHERE col = ?} with it
 * matches. Instants are written in UTC without a suffix ({@code Z} would sort after {@code .5}).
 *
 * <p><b>Reading</b> accepts everything SQLite's date functions accept as a date-time: a space or
 * {@code T}, minutes without seconds, a fraction of any number of digits (nanoseconds kept, further
 * digits dropped), and a zone suffix {@code Z} or {@code ±HH:MM} ({@code ±HHMM}, {@code ±HH}),
 * which converts the value to UTC as SQLite's functions do. A date alone is its midnight.
 */
final class SqliteTime {
  private SqliteTime() {}

  /** {@code 2026-12-07 17:55:50}, {@code 2026-12-07 17:55:50.12}. */
  static String format(LocalDateTime t) {
    StringBuilder b = new StringBuilder(29);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      throw new DateTimeException("SQLite date-times hold years 0000 to 9999, not " + year);
    }
    pad(b, year, 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append(' ');
    return time(b, t.getHour(), t.getMinute(), t.getSecond(), t.getNano()).toString();
  }

  /** {@code 17:55:50}, {@code 17:55:50.5}. */
  static String format(LocalTime t) {
    return time(new StringBuilder(18), t.getHour(), t.getMinute(), t.getSecond(), t.getNano())
        .toString();
  }

  private static StringBuilder time(StringBuilder b, int h, int m, int s, int nano) {
    pad(b, h, 2).append(':');
    pad(b, m, 2).append(':');
    pad(b, s, 2);
    if (nano != 0) {
      int digits = 9;
      while (nano % 10 == 0) {
        nano /= 10;
        digits--;
      }
      pad(b.append('.'), nano, digits);
    }
    return b;
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }

  /** A date-time of any form SQLite accepts; a zone converts it to UTC. */
  static LocalDateTime parseDateTime(String s) {
    Cursor c = new Cursor(s);
    int year = c.digits(4);
    c.expect('-');
    int month = c.digits(2);
    c.expect('-');
    int day = c.digits(2);
    if (c.atEnd()) {
      return LocalDateTime.of(year, month, day, 0, 0);
    }
    char separator = c.next();
    if (separator != ' ' && separator != 'T' && separator != 't') {
      throw c.bad();
    }
    LocalTime time = c.time();
    return c.zoned(LocalDateTime.of(year, month, day, 0, 0).with(time));
  }

  /** A time of day, {@code HH:MM[:SS[.fff]]}, with an optional zone (converted to UTC). */
  static LocalTime parseTime(String s) {
    Cursor c = new Cursor(s);
    LocalTime time = c.time();
    return c.zoned(LocalDateTime.of(2000, 1, 1, 0, 0).with(time)).toLocalTime();
  }

  /** Reads one text from left to right. */
  private static final class Cursor {
    private final String s;
    private int at;

    Cursor(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return at == s.length();
    }

    char next() {
      if (atEnd()) {
        throw bad();
      }
      return s.charAt(at++);
    }

    void expect(char ch) {
      if (next() != ch) {
        throw bad();
      }
    }

    int digits(int n) {
      int v = 0;
      for (int k = 0; k < n; k++) {
        char ch = next();
        if (ch < '0' || ch > '9') {
          throw bad();
        }
        v = v * 10 + (ch - '0');
      }
      return v;
    }

    LocalTime time() {
      int hour = digits(2);
      expect(':');
      int minute = digits(2);
      int second = 0;
      int nano = 0;
      if (!atEnd() && s.charAt(at) == ':') {
        at++;
        second = digits(2);
        if (!atEnd() && s.charAt(at) == '.') {
          at++;
          int start = at;
          int scale = 100_000_000;
          while (!atEnd() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
            nano += (s.charAt(at) - '0') * scale;
            scale /= 10;
            at++;
          }
          if (at == start) {
            throw bad();
          }
        }
      }
      return LocalTime.of(hour, minute, second, nano);
    }

    /** {@code t} moved to UTC by the zone that follows, if any; then the text must end. */
    LocalDateTime zoned(LocalDateTime t) {
      if (!atEnd() && s.charAt(at) == ' ') {
        at++; // SQLite allows a space before the zone
      }
      if (atEnd()) {
        return t;
      }
      char sign = next();
      if (sign == 'Z' || sign == 'z') {
        if (!atEnd()) {
          throw bad();
        }
        return t;
      }
      if (sign != '+' && sign != '-') {
        throw bad();
      }
      int hours = digits(2);
      int minutes = 0;
      if (!atEnd()) {
        if (s.charAt(at) == ':') {
          at++;
        }
        minutes = digits(2);
      }
      if (!atEnd()) {
        throw bad();
      }
      long offset = hours * 3600L + minutes * 60L;
      return sign == '+' ? t.minusSeconds(offset) : t.plusSeconds(offset);
    }

    DateTimeException bad() {
      return new DateTimeException(
          "SQLite date-time text is YYYY-MM-DD, then a space or T and HH:MM[:SS[.fraction]], then"
              + " optionally Z or +HH:MM");
    }
  }
}
