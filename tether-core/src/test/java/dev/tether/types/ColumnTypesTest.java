package dev.tether.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Column;
import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.query.ColumnAttribute;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Java type Tether stores itself round-trips on every database, boxed and primitive, with
 * values and with NULL; an object loaded and left alone is never written back (the dirty check
 * compares each type as it reads back); decimals take their precision and scale in the DDL.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class ColumnTypesTest {
  public enum Size {
    SMALL,
    LARGE
  }

  @Table("ct_value")
  public static class Value extends Model {
    @Id public Long id;
    public byte b;
    public Byte boxedByte;
    public short s;
    public Short boxedShort;
    public int i;
    public Integer boxedInt;
    public long l;
    public Long boxedLong;
    public float f;
    public Float boxedFloat;
    public double d;
    public Double boxedDouble;
    public boolean flag;
    public Boolean boxedFlag;
    public char c;
    public Character boxedChar;
    public String text;
    public BigDecimal decimal;

    @Column(precision = 12, scale = 2)
    public BigDecimal price;

    public LocalDate date;
    public LocalTime time;
    public LocalDateTime dateTime;
    public OffsetDateTime offsetDateTime;
    public Instant instant;
    public Duration duration;
    public UUID uuid;
    public Size size;
    public byte[] bytes;
  }

  static final ColumnAttribute<Value, LocalDateTime> DATE_TIME =
      ColumnAttribute.of(Value.class, "dateTime", LocalDateTime.class);
  static final ColumnAttribute<Value, OffsetDateTime> OFFSET_DATE_TIME =
      ColumnAttribute.of(Value.class, "offsetDateTime", OffsetDateTime.class);
  static final ColumnAttribute<Value, BigDecimal> PRICE =
      ColumnAttribute.of(Value.class, "price", BigDecimal.class);
  static final ColumnAttribute<Value, Long> ID = ColumnAttribute.of(Value.class, "id", Long.class);

  @Parameter TestDatabase target;
  final StatementRecorder sql = new StatementRecorder();
  Database db;

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Value.class));
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  static Value full() {
    Value v = new Value();
    v.b = -7;
    v.boxedByte = 127;
    v.s = -300;
    v.boxedShort = 32000;
    v.i = -5;
    v.boxedInt = Integer.MAX_VALUE;
    v.l = Long.MIN_VALUE;
    v.boxedLong = 1L << 40;
    v.f = 1.5f;
    v.boxedFloat = -0.25f;
    v.d = Math.PI;
    v.boxedDouble = 1e300;
    v.flag = true;
    v.boxedFlag = false;
    v.c = 'x';
    v.boxedChar = 'é';
    v.text = "naïve ☃";
    v.decimal = new BigDecimal("12345678901234567890.123456789");
    v.price = new BigDecimal("1234567890.25");
    v.date = LocalDate.of(2026, 2, 28);
    v.time = LocalTime.of(23, 59, 58, 123_456_000);
    v.dateTime = LocalDateTime.of(2026, 12, 7, 17, 55, 50, 120_000_000);
    v.offsetDateTime =
        OffsetDateTime.of(2026, 12, 7, 19, 55, 50, 500_000_000, ZoneOffset.ofHours(2));
    v.instant = Instant.parse("2026-12-07T17:55:50.654321Z");
    v.duration = Duration.ofHours(26).plusMillis(5);
    v.uuid = UUID.fromString("0b7a6c1e-8f5d-4a53-9d2c-3e1f2a4b5c6d");
    v.size = Size.LARGE;
    v.bytes = new byte[] {0, 1, -1, 127};
    return v;
  }

  @Test
  void everyTypeRoundTripsAndALoadedObjectIsNotWrittenBack() {
    Value written = full();
    try (Session s = db.session()) {
      s.add(written);
      s.commit();
    }
    try (Session s = db.session()) {
      Value read = s.get(Value.class, written.id);
      assertThat(read.b).isEqualTo(written.b);
      assertThat(read.boxedByte).isEqualTo(written.boxedByte);
      assertThat(read.s).isEqualTo(written.s);
      assertThat(read.boxedShort).isEqualTo(written.boxedShort);
      assertThat(read.i).isEqualTo(written.i);
      assertThat(read.boxedInt).isEqualTo(written.boxedInt);
      assertThat(read.l).isEqualTo(written.l);
      assertThat(read.boxedLong).isEqualTo(written.boxedLong);
      assertThat(read.f).isEqualTo(written.f);
      assertThat(read.boxedFloat).isEqualTo(written.boxedFloat);
      assertThat(read.d).isEqualTo(written.d);
      assertThat(read.boxedDouble).isEqualTo(written.boxedDouble);
      assertThat(read.flag).isTrue();
      assertThat(read.boxedFlag).isFalse();
      assertThat(read.c).isEqualTo('x');
      assertThat(read.boxedChar).isEqualTo('é');
      assertThat(read.text).isEqualTo(written.text);
      assertThat(read.decimal).isEqualByComparingTo(written.decimal);
      assertThat(read.price).isEqualByComparingTo(written.price);
      assertThat(read.date).isEqualTo(written.date);
      assertThat(read.time).isEqualTo(written.time);
      assertThat(read.dateTime).isEqualTo(written.dateTime);
      assertThat(read.offsetDateTime.isEqual(written.offsetDateTime)).isTrue();
      assertThat(read.offsetDateTime.getOffset()).isEqualTo(ZoneOffset.UTC);
      assertThat(read.instant).isEqualTo(written.instant);
      assertThat(read.duration).isEqualTo(written.duration);
      assertThat(read.uuid).isEqualTo(written.uuid);
      assertThat(read.size).isEqualTo(Size.LARGE);
      assertThat(read.bytes).containsExactly(written.bytes);
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void nullsRoundTrip() {
    Value written = new Value();
    written.c = 'a'; // PostgreSQL text refuses U+0000, a char field's default
    try (Session s = db.session()) {
      s.add(written);
      s.commit();
    }
    try (Session s = db.session()) {
      Value read = s.get(Value.class, written.id);
      assertThat(read.boxedByte).isNull();
      assertThat(read.boxedShort).isNull();
      assertThat(read.boxedFloat).isNull();
      assertThat(read.boxedChar).isNull();
      assertThat(read.c).isEqualTo('a');
      assertThat(read.time).isNull();
      assertThat(read.offsetDateTime).isNull();
      assertThat(read.duration).isNull();
      assertThat(read.size).isNull();
      assertThat(read.price).isNull();
      sql.assertNoStatements(s::commit);
    }
  }

  @Test
  void aChangedValueOfEachNewTypeIsWrittenOnce() {
    Value written = full();
    try (Session s = db.session()) {
      s.add(written);
      s.commit();
    }
    try (Session s = db.session()) {
      Value read = s.get(Value.class, written.id);
      read.duration = read.duration.plusSeconds(1);
      read.time = read.time.minusHours(1);
      read.boxedChar = 'z';
      sql.assertStatements(1, s::commit);
    }
    try (Session s = db.session()) {
      Value read = s.get(Value.class, written.id);
      assertThat(read.duration).isEqualTo(written.duration.plusSeconds(1));
      assertThat(read.time).isEqualTo(written.time.minusHours(1));
      assertThat(read.boxedChar).isEqualTo('z');
    }
  }

  @Test
  void anOffsetDateTimeWithAnotherOffsetForTheSameInstantIsNoChange() {
    Value written = full();
    try (Session s = db.session()) {
      s.add(written);
      s.commit();
    }
    try (Session s = db.session()) {
      Value read = s.get(Value.class, written.id);
      read.offsetDateTime = read.offsetDateTime.withOffsetSameInstant(ZoneOffset.ofHours(-5));
      sql.assertNoStatements(s::commit);
      List<Value> found =
          s.select(Value.class).where(OFFSET_DATE_TIME.eq(written.offsetDateTime)).list();
      assertThat(found).containsExactly(read);
    }
  }

  @Test
  void decimalPrecisionAndScaleAreInTheDdl() {
    db.dropAll();
    sql.clear();
    db.createAll();
    String create =
        sql.statements().stream().filter(t -> t.contains("ct_value")).findFirst().orElseThrow();
    assertThat(create).containsPattern("\"?`?price`?\"? (numeric|DECIMAL)\\(12,2\\)");
  }

  @Test
  void decimalsOfAPreciseColumnSortByValue() {
    try (Session s = db.session()) {
      for (String p : List.of("9.5", "10.25", "-3", "100")) {
        Value v = new Value();
        v.c = 'a';
        v.price = new BigDecimal(p);
        s.add(v);
      }
      s.commit();
      List<BigDecimal> sorted = s.select(PRICE).orderBy(PRICE.asc()).list();
      assertThat(sorted)
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactly(
              new BigDecimal("-3"),
              new BigDecimal("9.5"),
              new BigDecimal("10.25"),
              new BigDecimal("100"));
    }
  }
}
