package org.geotraffic.privacyproof;

import org.geotraffic.cli.GeoTraffic;

/**
 * The canary run's JVM: records the visitor-hash secret ({@link RecordingRandomProvider}), captures
 * Spark's local dirs ({@link LocalDirCapture}) and runs the real command, {@link GeoTraffic#run}, with
 * the arguments it was given. Everything it prints goes to the process's stderr, which the test keeps.
 */
public final class CanaryJobMain {
  private CanaryJobMain() {}

  public static void main(String[] args) throws Exception {
    RecordingRandomProvider.install();
    LocalDirCapture.start();
    int code = GeoTraffic.run(args, System.err);
    int linked = LocalDirCapture.stop();
    System.err.println("canary-main: exit code " + code + ", local-dir files captured " + linked);
    System.exit(code);
  }
}
