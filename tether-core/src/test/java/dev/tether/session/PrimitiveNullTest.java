package dev.tether.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Registry;
import dev.tether.Session;
import dev.tether.Table;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A primitive field cannot hold SQL NULL: it reads as zero, and the snapshot agrees with the field,
 * so loading such a row does not make the object look changed (no UPDATE writing the zero back).
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class PrimitiveNullTest {
  @Table("pn_meter")
  public static class Meter extends Model {
    @Id public Long id;
    public int reading;
    public long total;
    public double ratio;
    public boolean enabled;
  }

  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Registry.of(Meter.class));
    try (Session s = db.session()) {
      Meter m = new Meter();
      m.reading = 7;
      m.total = 8;
      m.ratio = 0.5;
      m.enabled = true;
      s.add(m);
      s.commit();
    }
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void nullReadIntoPrimitiveFieldsIsZeroAndNotAChange() {
    try (Session s = db.session()) {
      // every mapped column comes back as NULL (a view, an outer join or a legacy column can)
      List<Meter> rows =
          s.selectSql(
              Meter.class,
              "SELECT id, NULL AS reading, NULL AS total, NULL AS ratio, NULL AS enabled"
                  + " FROM pn_meter");
      Meter m = rows.get(0);
      assertThat(m.reading).isZero();
      assertThat(m.total).isZero();
      assertThat(m.ratio).isZero();
      assertThat(m.enabled).isFalse();
      sql.clear();
      s.commit();
      assertThat(sql.statements()).noneMatch(q -> q.startsWith("UPDATE"));
    }
  }
}
