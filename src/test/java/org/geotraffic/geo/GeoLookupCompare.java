package org.geotraffic.geo;

import java.io.File;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import org.geotraffic.testsupport.TestNetwork;

/**
 * Compares {@link GeoDatabase#lookup} with the lookup as it was before field-only reads ({@link GeoDatabase#find}:
 * GeoIP2's full {@code tryCity}/{@code tryCountry} responses), on real City/Country databases such as MaxMind's test
 * databases. Not a test (the databases are not in the repository): run with
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     org.geotraffic.geo.GeoLookupCompare NETWORKS.tsv DB...
 * </pre>
 *
 * <p>NETWORKS.tsv: a header, then networks (CIDR) in the third column, as in {@code city-test-networks.tsv}. Each
 * network's first and last address and their neighbours, 50 random addresses inside it and 200,000 random IPv4 and
 * IPv6 addresses are looked up both ways; a lookup that fails must fail both ways. Prints counts only.
 */
public final class GeoLookupCompare {
  private GeoLookupCompare() {}

  public static void main(String[] args) throws Exception {
    List<String> networks = new ArrayList<>();
    List<String> rows = Files.readAllLines(Path.of(args[0]));
    for (String row : rows.subList(1, rows.size())) {
      String[] cols = row.split("\t", -1);
      if (cols.length > 2 && cols[2].contains("/")) {
        networks.add(cols[2]);
      }
    }
    int bad = 0;
    for (int i = 1; i < args.length; i++) {
      bad += compare(new File(args[i]), networks);
    }
    System.out.println(bad == 0 ? "ALL EQUAL" : "DIFFERENCES: " + bad);
    System.exit(bad == 0 ? 0 : 1);
  }

  private static int compare(File file, List<String> networks) throws Exception {
    Random random = new Random(7);
    List<InetAddress> addresses = new ArrayList<>();
    for (String cidr : networks) {
      TestNetwork network = TestNetwork.parse(cidr);
      BigInteger size = network.size();
      for (BigInteger offset : List.of(BigInteger.ZERO, size.subtract(BigInteger.ONE), BigInteger.ONE.negate(), size)) {
        addresses.add(network.at(offset));
      }
      for (int i = 0; i < 50; i++) {
        addresses.add(network.at(new BigInteger(size.bitLength() + 8, random).mod(size)));
      }
    }
    for (int i = 0; i < 200_000; i++) {
      addresses.add(TestNetwork.address(BigInteger.valueOf(random.nextInt() & 0xFFFFFFFFL), 4));
      addresses.add(TestNetwork.address(new BigInteger(i % 2 == 0 ? 128 : 32, random).or(i % 4 == 1
          ? BigInteger.valueOf(0xFFFFL).shiftLeft(32) : BigInteger.ZERO), 16));
    }
    int differences = 0;
    int found = 0;
    int failed = 0;
    try (GeoDatabase db = GeoDatabase.open(file)) {
      DatabaseKind kind = db.info().kind();
      for (InetAddress a : addresses) {
        String expected;
        try {
          expected = String.valueOf(db.find(a));
        } catch (Exception e) {
          expected = "error";
        }
        String actual;
        try {
          actual = String.valueOf(db.lookup(a));
        } catch (Exception e) {
          actual = "error";
        }
        found += expected.equals("null") || expected.equals("error") ? 0 : 1;
        failed += expected.equals("error") ? 1 : 0;
        if (!Objects.equals(expected, actual)) {
          differences++;
        }
      }
      System.out.printf(Locale.ROOT, "%s: %s%s, %,d addresses, %,d located, %,d failed, %,d differ%n", file.getName(),
          kind, db.readsFieldsOnly() ? " (field-only reads)" : " (GeoIP2 reads)",
          addresses.size(), found, failed, differences);
    } catch (Exception e) {
      System.out.println(file.getName() + ": does not open (" + e.getMessage() + ")");
    }
    return differences;
  }
}
