package org.geotraffic.publish;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.fs.Path;

/**
 * A process that publishes one random layout ({@link PublicationTest.Layout}) under the publish lock,
 * slowly (each file operation takes a few milliseconds), so that a parent can kill it with SIGKILL at any
 * point. Prints "staged" when the layout is in place and the publish starts.
 */
public final class PublishChild {
  private PublishChild() {}

  public static void main(String[] args) throws IOException {
    java.nio.file.Path out = java.nio.file.Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    long pauseMillis = Long.parseLong(args[2]);
    PublicationTest.Layout layout = PublicationTest.Layout.random(out, new Random(seed));
    FileMoves slow = new SlowFileMoves(new LocalFileMoves(), pauseMillis);
    System.out.println("staged");
    System.out.flush();
    List<String> recovered = Publisher.publish(slow, new Path(out.toAbsolutePath().toString()), "child", layout.staging(), layout.installs());
    System.out.println("published " + recovered);
  }
}
