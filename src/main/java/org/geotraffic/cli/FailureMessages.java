package org.geotraffic.cli;

import java.util.Locale;

/**
 * One line that says why a run failed, for the console: the cause an operator can act on (a full disk)
 * when it is somewhere in the chain, else the exception's type and the first line of its message.
 */
final class FailureMessages {
  private FailureMessages() {}

  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("no space left on device") || t.getClass().getSimpleName().equals("DiskOutOfSpaceException")) {
        return "no space left on device: a disk of the output, of the input's temporary copy or of Spark's local directories"
            + " (spark.local.dir, shuffle and spill files) is full; free space and rerun (earlier output is intact)";
      }
    }
    return e.getClass().getSimpleName() + ": " + firstLine(e);
  }

  /** The first line of the message (Spark's own messages carry a stack trace after it), or the type. */
  static String firstLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
