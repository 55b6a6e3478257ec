package dev.tether.bench.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Hibernate's mapping of {@code child}: a lazy many-to-one owning the foreign key. */
@Entity
@Table(name = "child")
public class HChild {
  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "child_seq")
  @SequenceGenerator(name = "child_seq", sequenceName = "child_seq", allocationSize = 1000)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "parent_id", nullable = false)
  public HParent parent;

  @Column(name = "name", nullable = false, length = 100)
  public String name;

  @Column(name = "val", nullable = false)
  public int val;

  @Column(name = "note", length = 200)
  public String note;
}
