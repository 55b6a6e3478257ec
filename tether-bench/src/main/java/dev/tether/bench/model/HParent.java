package dev.tether.bench.model;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Hibernate's mapping of {@code parent}, as its documentation recommends for speed: a sequence with
 * the pooled optimizer (SQLite has no sequences; Hibernate then emulates one with a table), an
 * inverse bag for the children (adds without initializing), cascade including remove.
 */
@Entity
@Table(name = "parent")
public class HParent {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parent_seq")
  @SequenceGenerator(name = "parent_seq", sequenceName = "parent_seq", allocationSize = 1000)
  public Long id;

  @Column(name = "name", nullable = false, length = 100)
  public String name;

  @OneToMany(mappedBy = "parent", cascade = CascadeType.ALL)
  public List<HChild> children = new ArrayList<>();

  /** The usual bidirectional helper: both sides in one call. */
  public void addChild(HChild c) {
    children.add(c);
    c.parent = this;
  }
}
