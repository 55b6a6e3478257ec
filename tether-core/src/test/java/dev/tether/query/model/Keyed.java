package dev.tether.query.model;

import dev.tether.Id;
import dev.tether.Model;
import dev.tether.Table;

/** {@code inj_keyed(code, body)}: an application-assigned text key, for the injection corpus. */
@Table("inj_keyed")
public class Keyed extends Model {
  @Id public String code;
  public String body;

  /** For Tether. */
  public Keyed() {}

  /** A row keyed by {@code code}. */
  public Keyed(String code, String body) {
    this.code = code;
    this.body = body;
  }
}
