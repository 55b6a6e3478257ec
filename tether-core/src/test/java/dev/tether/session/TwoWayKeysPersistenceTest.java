package dev.tether.session;

import static dev.tether.testing.SqlText.plain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tether.Database;
import dev.tether.Session;
import dev.tether.fixtures.Favorites;
import dev.tether.fixtures.Favorites.Address;
import dev.tether.fixtures.Favorites.User;
import dev.tether.testing.StatementRecorder;
import dev.tether.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Foreign keys in both directions, each pair's key chosen by its Many side without {@code
 * foreignKeys} ({@link Favorites}), persisted on every database: a user with addresses and a
 * favourite address is a cycle between the tables, which the flush breaks at the nullable favourite
 * key; each relationship loads through its own column.
 */
@ParameterizedClass
@MethodSource("dev.tether.testing.TestDatabase#all")
class TwoWayKeysPersistenceTest {
  @Parameter TestDatabase target;
  Database db;
  final StatementRecorder sql = new StatementRecorder();

  @BeforeEach
  void open() {
    db = target.open(Favorites.registry());
    db.addStatementListener(sql);
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aUserWithAddressesAndAFavouriteUsesBothKeys() {
    User ann = new User("ann");
    Address home = new Address("home");
    Address work = new Address("work");
    ann.addresses.add(home);
    ann.addresses.add(work);
    ann.favoriteAddress.set(work);
    assertThat(home.user.get()).isSameAs(ann);
    assertThat(work.favoredBy).containsExactly(ann);
    assertThat(home.favoredBy).isEmpty();
    try (Session s = db.session()) {
      s.add(ann);
      assertThat(plain(sql.record(s::commit)))
          .containsExactly(
              "INSERT INTO fav_users (name, favorite_address_id) VALUES (?, ?) RETURNING id",
              "INSERT INTO fav_address (street, user_id) VALUES (?, ?), (?, ?) RETURNING id",
              "UPDATE fav_users SET favorite_address_id = ? WHERE id = ?");
    }
    assertThat(home.userId).isEqualTo(ann.id).isNotNull();
    assertThat(work.userId).isEqualTo(ann.id);
    assertThat(ann.favoriteAddressId).isEqualTo(work.id).isNotNull();
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      assertThat(a.addresses).extracting(x -> x.street).containsExactly("home", "work");
      assertThat(a.favoriteAddress.get()).isSameAs(a.addresses.get(1));
      assertThat(a.addresses.get(1).favoredBy).containsExactly(a);
      assertThat(a.addresses.get(0).favoredBy).isEmpty();
    }
  }

  @Test
  void changingTheFavouriteUpdatesOnlyItsKey() {
    User ann = new User("ann");
    Address home = new Address("home");
    Address work = new Address("work");
    ann.addresses.add(home);
    ann.addresses.add(work);
    ann.favoriteAddress.set(work);
    try (Session s = db.session()) {
      s.add(ann);
      s.commit();
    }
    try (Session s = db.session()) {
      Address h = s.get(Address.class, home.id);
      User a = h.user.get();
      assertThat(h.favoredBy).isEmpty(); // loaded before the change, so the check sends no SQL
      assertThat(
              plain(
                  sql.record(
                      () -> {
                        a.favoriteAddress.set(h);
                        assertThat(h.favoredBy).containsExactly(a);
                        s.flush();
                      })))
          .containsExactly("UPDATE fav_users SET favorite_address_id = ? WHERE id = ?");
      assertThat(a.favoriteAddressId).isEqualTo(home.id);
      s.commit();
    }
    try (Session s = db.session()) {
      User a = s.get(User.class, ann.id);
      assertThat(a.favoriteAddress.get().street).isEqualTo("home");
      assertThat(a.addresses).extracting(x -> x.street).containsExactly("home", "work");
    }
  }
}
