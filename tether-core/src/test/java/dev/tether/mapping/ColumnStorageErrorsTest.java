package dev.tether.mapping;

import static dev.tether.mapping.MappingFailures.assertRefused;

import dev.tether.Column;
import dev.tether.ColumnConverter;
import dev.tether.Convert;
import dev.tether.EnumStorage;
import dev.tether.Enumerated;
import dev.tether.Id;
import dev.tether.Json;
import dev.tether.Model;
import dev.tether.Table;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mistakes in converters, @Enumerated and decimal sizes are refused at Registry.of. */
class ColumnStorageErrorsTest {
  public static class PathConverter implements ColumnConverter<Path, String> {
    @Override
    public String toColumn(Path value) {
      return value.toString();
    }

    @Override
    public Path fromColumn(String value) {
      return Path.of(value);
    }
  }

  public static class ToDate implements ColumnConverter<Path, Date> {
    @Override
    public Date toColumn(Path value) {
      return new Date();
    }

    @Override
    public Path fromColumn(Date value) {
      return Path.of("/");
    }
  }

  @SuppressWarnings("rawtypes")
  public static class Raw implements ColumnConverter {
    @Override
    public Object toColumn(Object value) {
      return value;
    }

    @Override
    public Object fromColumn(Object value) {
      return value;
    }
  }

  @Table("cs_wrong_type")
  public static class WrongType extends Model {
    @Id public Integer id;

    @Convert(PathConverter.class)
    public List<String> names;
  }

  @Table("cs_unstored")
  public static class Unstored extends Model {
    @Id public Integer id;

    @Convert(ToDate.class)
    public Path home;
  }

  @Table("cs_raw")
  public static class RawConverter extends Model {
    @Id public Integer id;

    @Convert(Raw.class)
    public Path home;
  }

  @Table("cs_converted_key")
  public static class ConvertedKey extends Model {
    @Id
    @Convert(PathConverter.class)
    public Path id;
  }

  @Table("cs_precision")
  public static class PrecisionOnText extends Model {
    @Id public Integer id;

    @Column(precision = 10, scale = 2)
    public String amount;
  }

  @Table("cs_scale")
  public static class ScaleOnly extends Model {
    @Id public Integer id;

    @Column(scale = 2)
    public java.math.BigDecimal amount;
  }

  @Table("cs_enumerated")
  public static class EnumeratedText extends Model {
    @Id public Integer id;

    @Enumerated(EnumStorage.ORDINAL)
    public String state;
  }

  @Test
  void aConverterOfAnotherJavaType() {
    assertRefused(
        "converter",
        "WrongType.names is stored through PathConverter, but it converts Path and the field is"
            + " a List. Use a converter of List.",
        WrongType.class);
  }

  @Test
  void aConverterToATypeTetherDoesNotStore() {
    assertRefused(
        "converter",
        "Unstored.home is stored through ToDate, but its column type Date is not one Tether"
            + " stores. Convert to one of "
            + ColumnType.supportedList()
            + ".",
        Unstored.class);
  }

  @Test
  void aRawConverter() {
    assertRefused(
        "converter",
        "RawConverter.home is stored through Raw, but Tether cannot tell its types: implement"
            + " ColumnConverter with both types named, e.g. `implements ColumnConverter<Money,"
            + " BigDecimal>`.",
        RawConverter.class);
  }

  @Test
  void aConvertedPrimaryKey() {
    assertRefused(
        "id-type",
        "ConvertedKey.id is a Path, which cannot be a primary key: keys are compared for identity"
            + " and must have exact equality. Use Integer, Long, String or UUID (`@Id public Long"
            + " id;`).",
        ConvertedKey.class);
  }

  @Test
  void precisionOnAString() {
    assertRefused(
        "column-precision",
        "PrecisionOnText.amount: @Column(precision = 10, scale = 2) applies to BigDecimal columns"
            + " only, and this field's column holds String. Remove precision and scale.",
        PrecisionOnText.class);
  }

  @Test
  void aScaleWithoutPrecision() {
    assertRefused(
        "column-precision",
        "ScaleOnly.amount: @Column(precision = 0, scale = 2) gives a scale without a precision."
            + " Give both, e.g. precision = 12, scale = 2.",
        ScaleOnly.class);
  }

  @Test
  void enumeratedOnAString() {
    assertRefused(
        "enumerated-type",
        "EnumeratedText.state has @Enumerated but is a String; @Enumerated chooses how an enum is"
            + " stored. Remove it, or make the field an enum.",
        EnumeratedText.class);
  }

  @Table("cs_json_and_convert")
  public static class JsonAndConvert extends Model {
    @Id public Integer id;

    @Json
    @Convert(PathConverter.class)
    public Path home;
  }

  /** Found by MalformedModelsTest: the converter used to be ignored in favour of JSON. */
  @Test
  void jsonAndAConverterOnOneField() {
    assertRefused(
        "json-and-convert",
        "JsonAndConvert.home has both @Json and @Convert(PathConverter.class), two ways to store"
            + " one column; the converter would be ignored. Keep one: @Json stores the value as"
            + " JSON text, the converter as the column type it names.",
        JsonAndConvert.class);
  }
}
