package org.geotraffic.privacyproof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.util.HexFormat;

/**
 * A JCA provider, installed first in the canary JVM, whose default {@link SecureRandom} delegates to the
 * platform's NativePRNG and records what it hands to {@code VisitorHasher.newRunSecret()}: so the test
 * learns the run's visitor-hash secret without any hook in the main code, and without changing it (the
 * bytes still come from the operating system's generator).
 *
 * <p>Recorded secrets (hex, one a line) go to the file named by the system property
 * {@value #FILE_PROPERTY}, which must lie outside every folder the test searches.
 */
public final class RecordingRandomProvider extends Provider {
  private static final long serialVersionUID = 1L;
  static final String FILE_PROPERTY = "canary.secretsFile";
  private static final String HASHER = "org.geotraffic.geo.VisitorHasher";

  RecordingRandomProvider() {
    super("CanaryRecordingRandom", "1.0", "records the visitor-hash secret for the privacy canary");
    putService(new Service(this, "SecureRandom", "CanaryRecording", Spi.class.getName(), null, null));
  }

  /** Installs the provider at the highest priority; {@code new SecureRandom()} then uses it. */
  static void install() {
    Security.insertProviderAt(new RecordingRandomProvider(), 1);
    String algorithm = new SecureRandom().getAlgorithm();
    if (!"CanaryRecording".equals(algorithm)) {
      throw new IllegalStateException("Cannot record the secret: new SecureRandom() uses " + algorithm);
    }
  }

  /** The recording generator. */
  public static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private final transient SecureRandom delegate;

    public Spi() {
      try {
        delegate = SecureRandom.getInstance("NativePRNGNonBlocking");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      delegate.setSeed(seed);
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      delegate.nextBytes(bytes);
      for (StackTraceElement e : new Throwable().getStackTrace()) {
        if (e.getClassName().equals(HASHER)) {
          record(bytes);
          break;
        }
      }
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      return delegate.generateSeed(numBytes);
    }

    private static synchronized void record(byte[] bytes) {
      try {
        Files.writeString(Path.of(System.getProperty(FILE_PROPERTY)), HexFormat.of().formatHex(bytes) + "\n",
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
