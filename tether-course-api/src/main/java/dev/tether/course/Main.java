package dev.tether.course;

import dev.tether.Database;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./course-api [--port N] [--db JDBC_URL]}: opens the database (an SQLite file by default),
 * creates the tables that do not exist, serves the API on 127.0.0.1 and prints {@code listening on
 * http://127.0.0.1:N} once it accepts connections. Stops on Ctrl-C.
 */
public final class Main {
  private Main() {}

  /** Runs the server until the process is stopped. */
  public static void main(String[] args) throws InterruptedException {
    int port = 8080;
    String url = "jdbc:sqlite:course-api.db";
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if ((arg.equals("--port") || arg.equals("--db")) && i + 1 < args.length) {
        String value = args[++i];
        if (arg.equals("--port")) {
          port = parsePort(value);
        } else {
          url = value;
        }
      } else {
        usage("unknown or incomplete option: " + arg);
      }
    }
    Database db = Database.open(url, CourseApi.models());
    db.createAll();
    CourseApi api = CourseApi.start(db, "127.0.0.1", port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  api.close();
                  db.close();
                  stopped.countDown();
                }));
    System.out.println("listening on " + api.url());
    System.out.flush();
    stopped.await();
  }

  private static int parsePort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    usage("--port takes a number from 0 to 65535, not " + value);
    return -1;
  }

  private static void usage(String problem) {
    System.err.println("course-api: " + problem);
    System.err.println("usage: ./course-api [--port N] [--db JDBC_URL]");
    System.exit(2);
  }
}
