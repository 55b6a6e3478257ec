package dev.tether.query.model;

import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Table;

/** {@code inj_note(id, body, rank)}: a generated key and free text, for the injection corpus. */
@Table("inj_note")
public class Note extends Model {
  @Id public Integer id;
  public String body;
  public Integer rank;

  /** For Tether. */
  public Note() {}

  /** A note holding {@code body}. */
  public Note(String body, Integer rank) {
    this.body = body;
    this.rank = rank;
  }
}
