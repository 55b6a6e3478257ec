package dev.tether.bench.model;

/**
 * The one data generator every contender uses: values are a pure function of the parent and child
 * index, so all contenders write and read the same rows.
 */
public final class Data {
  private Data() {}

  public static String parentName(long i) {
    return "parent " + i;
  }

  public static String childName(long i, int j) {
    return "child " + i + "." + j;
  }

  public static int val(long i, int j) {
    return (int) ((i * 31 + j) % 1000);
  }

  public static String note(int j) {
    return "note " + j;
  }
}
