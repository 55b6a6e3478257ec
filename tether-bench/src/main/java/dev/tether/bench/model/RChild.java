package dev.tether.bench.model;

/** The raw-JDBC contender's child row. */
public final class RChild {
  public long id;
  public long parentId;
  public String name;
  public int val;
  public String note;
  public RParent parent;

  public RChild(long id, long parentId, String name, int val, String note) {
    this.id = id;
    this.parentId = parentId;
    this.name = name;
    this.val = val;
    this.note = note;
  }
}
