package org.geotraffic.geo.mmdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.maxmind.db.DatabaseRecord;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writes databases with {@link MmdbWriter} and reads them back with MaxMind's own Java reader. */
class MmdbWriterTest {
  private static final long EPOCH = 1_793_491_200L; // 2026-11-01T00:00:00Z
  private static final Map<String, Object> A = Map.of("name", "a");
  private static final Map<String, Object> B = Map.of("name", "b");

  @TempDir Path dir;

  private static MmdbWriter writer() {
    return new MmdbWriter("Test-City", Map.of("en", "test database"), List.of("en", "de"), EPOCH);
  }

  private Path written(MmdbWriter writer) throws IOException {
    Path file = dir.resolve("test.mmdb");
    writer.write(file);
    return file;
  }

  private static Object lookup(Path db, String literal) throws IOException {
    try (Reader reader = new Reader(db.toFile())) {
      return reader.get(InetAddress.getByName(literal), Map.class);
    }
  }

  /** Looks up all 128 bits, without Java turning {@code ::ffff:a.b.c.d} into an IPv4 address. */
  private static Object lookupIpv6Bits(Path db, String literal) throws IOException {
    byte[] bits = InetAddress.getByName(literal).getAddress();
    if (bits.length == 4) {
      byte[] mapped = new byte[16];
      mapped[10] = (byte) 0xFF;
      mapped[11] = (byte) 0xFF;
      System.arraycopy(bits, 0, mapped, 12, 4);
      bits = mapped;
    }
    try (Reader reader = new Reader(db.toFile())) {
      return reader.get(Inet6Address.getByAddress(null, bits, -1), Map.class);
    }
  }

  private static int prefixLength(Path db, String literal) throws IOException {
    try (Reader reader = new Reader(db.toFile())) {
      DatabaseRecord<Map> record = reader.getRecord(InetAddress.getByName(literal), Map.class);
      return record.network().prefixLength();
    }
  }

  @Test
  void ipv4Network_isFoundForEveryAddressInsideAndNotOutside() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", A);
    Path db = written(writer);

    assertEquals(A, lookup(db, "192.0.2.0"));
    assertEquals(A, lookup(db, "192.0.2.255"));
    assertEquals(24, prefixLength(db, "192.0.2.77"));
    assertNull(lookup(db, "192.0.3.0"));
    assertNull(lookup(db, "192.0.1.255"));
  }

  @Test
  void ipv6Network_isFoundInsideAndNotOutside() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("2001:db8:1::/48", A);
    Path db = written(writer);

    assertEquals(A, lookup(db, "2001:db8:1::1"));
    assertEquals(A, lookup(db, "2001:db8:1:ffff:ffff:ffff:ffff:ffff"));
    assertEquals(48, prefixLength(db, "2001:db8:1::1"));
    assertNull(lookup(db, "2001:db8:2::1"));
  }

  @Test
  void emptyDatabase_findsNothing() throws IOException {
    Path db = written(writer());

    assertNull(lookup(db, "192.0.2.1"));
    assertNull(lookup(db, "2001:db8::1"));
  }

  @ParameterizedTest
  @CsvSource({"::ffff:192.0.2.1", "2002:c000:0201::", "2002:c000:02ff:1234::1", "2001:0:c000:0201::"})
  void ipv4AliasAddress_findsIpv4Record(String alias) throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", A);
    writer.insert("198.51.100.0/24", B);
    Path db = written(writer);

    assertEquals(A, lookupIpv6Bits(db, alias));
  }

  @Test
  void ipv4AliasOfAddressNotInserted_isNotFound() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", A);
    Path db = written(writer);

    assertNull(lookupIpv6Bits(db, "::ffff:198.51.100.1"));
    assertNull(lookupIpv6Bits(db, "2002:c633:6401::"));
  }

  @Test
  void narrowerNetworkInsertedLater_splitsBroaderOne() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", A);
    writer.insert("192.0.2.128/25", B);
    Path db = written(writer);

    assertEquals(A, lookup(db, "192.0.2.127"));
    assertEquals(25, prefixLength(db, "192.0.2.127"));
    assertEquals(B, lookup(db, "192.0.2.128"));
    assertEquals(B, lookup(db, "192.0.2.255"));
    assertEquals(25, prefixLength(db, "192.0.2.200"));
  }

  @Test
  void deepSplitOfIpv6Network_keepsRestOfBroaderNetwork() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("2001:db8::/32", A);
    writer.insert("2001:db8:0:1::1/128", B);
    Path db = written(writer);

    assertEquals(B, lookup(db, "2001:db8:0:1::1"));
    assertEquals(A, lookup(db, "2001:db8:0:1::"));
    assertEquals(A, lookup(db, "2001:db8:0:1::2"));
    assertEquals(A, lookup(db, "2001:db8:ffff::"));
  }

  @Test
  void broaderNetworkInsertedLater_replacesNarrowerOnes() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.128/25", B);
    writer.insert("192.0.2.0/24", A);
    Path db = written(writer);

    assertEquals(A, lookup(db, "192.0.2.200"));
    assertEquals(24, prefixLength(db, "192.0.2.200"));
  }

  @Test
  void wholeAddressSpace_fillsEverythingButKeepsAliasesOnIpv4() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("::/0", B);
    writer.insert("192.0.2.0/24", A);
    Path db = written(writer);

    assertEquals(A, lookup(db, "192.0.2.1"));
    assertEquals(A, lookupIpv6Bits(db, "::ffff:192.0.2.1"));
    assertEquals(B, lookupIpv6Bits(db, "::ffff:10.0.0.1"));
    assertEquals(B, lookup(db, "10.0.0.1"));
    assertEquals(B, lookup(db, "2001:db8::1"));
    assertEquals(B, lookup(db, "ffff::1"));
  }

  @Test
  void metadata_holdsExactlyWhatWasGiven() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", A);
    Path db = written(writer);

    try (Reader reader = new Reader(db.toFile())) {
      // 120 nodes on the path to 192.0.2.0/24 (::/96 + 24 bits), plus the alias paths that leave it:
      // ::ffff:0:0/96 at depth 81..95 (15), 2002::/16 at 3..15 (13), 2001::/32 at 15..31 (17).
      Metadata expected = new Metadata(2, 0, BigInteger.valueOf(EPOCH), "Test-City", List.of("en", "de"),
          Map.of("en", "test database"), 6, 165, 28);
      assertEquals(expected, reader.getMetadata());
      assertEquals("2026-11-01T00:00:00Z", reader.getMetadata().buildTime().toString());
    }
  }

  @Test
  void recordSize24_isReadable() throws IOException {
    MmdbWriter writer = new MmdbWriter("Test", Map.of("en", "t"), List.of("en"), EPOCH, 24);
    writer.insert("192.0.2.0/24", A);
    writer.insert("2001:db8::/32", B);
    Path db = written(writer);

    assertEquals(A, lookup(db, "192.0.2.9"));
    assertEquals(B, lookup(db, "2001:db8::9"));
    try (Reader reader = new Reader(db.toFile())) {
      assertEquals(24, reader.getMetadata().recordSize());
    }
  }

  @Test
  void everySupportedType_readsBackAsMaxMindDecodesIt() throws IOException {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("string", "São Paulo");
    record.put("uint16", new MmdbValue.Uint16(65_535));
    record.put("uint32", 4_294_967_295L);
    record.put("uint64", MmdbValue.Uint64.of(Long.MAX_VALUE));
    record.put("uint64_big", new BigInteger("18446744073709551615"));
    record.put("zero", 0);
    record.put("double", 51.5142);
    record.put("true", true);
    record.put("false", false);
    record.put("array", List.of("en", "de", List.of(1)));
    record.put("map", Map.of("names", Map.of("en", "London"), "empty", Map.of()));
    record.put("long_string", "x".repeat(300));
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", record);
    Path db = written(writer);

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("string", "São Paulo");
    expected.put("uint16", 65_535);
    expected.put("uint32", 4_294_967_295L);
    expected.put("uint64", BigInteger.valueOf(Long.MAX_VALUE));
    expected.put("uint64_big", new BigInteger("18446744073709551615"));
    expected.put("zero", 0L);
    expected.put("double", 51.5142);
    expected.put("true", true);
    expected.put("false", false);
    expected.put("array", List.of("en", "de", List.of(1L)));
    expected.put("map", Map.of("names", Map.of("en", "London"), "empty", Map.of()));
    expected.put("long_string", "x".repeat(300));
    assertEquals(expected, lookup(db, "192.0.2.1"));
  }

  @Test
  void sameInsertsInAnotherOrder_giveIdenticalBytes() throws IOException {
    Map<String, Object> london = new LinkedHashMap<>();
    london.put("city", "London");
    london.put("country", "GB");
    Map<String, Object> londonOtherOrder = new LinkedHashMap<>();
    londonOtherOrder.put("country", "GB");
    londonOtherOrder.put("city", "London");

    MmdbWriter first = writer();
    first.insert("192.0.2.0/24", london);
    first.insert("2001:db8::/32", B);
    first.insert("198.51.100.0/25", A);
    MmdbWriter second = writer();
    second.insert("198.51.100.0/25", A);
    second.insert("2001:db8::/32", B);
    second.insert("192.0.2.0/24", londonOtherOrder);

    assertArrayEquals(bytes(first), bytes(second));
    assertArrayEquals(bytes(first), bytes(first));
  }

  @Test
  void identicalRecordsOfManyNetworks_areStoredOnce() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/26", Map.of("city", "Unique-City-Name"));
    writer.insert("198.51.100.0/24", Map.of("city", "Unique-City-Name"));
    writer.insert("2001:db8::/32", Map.of("city", "Unique-City-Name"));
    byte[] bytes = bytes(writer);

    assertEquals(1, occurrences(bytes, "Unique-City-Name"));
    Path db = dir.resolve("dedup.mmdb");
    Files.write(db, bytes);
    assertEquals(Map.of("city", "Unique-City-Name"), lookup(db, "198.51.100.9"));
    assertEquals(Map.of("city", "Unique-City-Name"), lookup(db, "2001:db8::9"));
  }

  @Test
  void overwrittenRecord_isLeftOutOfTheFile() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", Map.of("city", "Overwritten-City"));
    writer.insert("192.0.2.0/24", A);

    assertEquals(0, occurrences(bytes(writer), "Overwritten-City"));
  }

  @Test
  void writeToStream_matchesWriteToPath() throws IOException {
    MmdbWriter writer = writer();
    writer.insert("192.0.2.0/24", A);

    assertArrayEquals(Files.readAllBytes(written(writer)), bytes(writer));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "192.0.2.1/24|Cannot insert network: host bits are set after the first 24 bits, 192.0.2.1/24",
      "192.0.2.0/33|Cannot insert network: prefix length must be a decimal number from 0 to 32, 192.0.2.0/33",
      "2001:db8::/129|Cannot insert network: prefix length must be a decimal number from 0 to 128, 2001:db8::/129",
      "256.0.0.0/8|Cannot insert network: IPv4 octet out of range 0-255, 256.0.0.0/8",
      "192.0.2.0|Cannot insert network: expected address/prefix-length, 192.0.2.0",
      "example.com/24|Cannot insert network: not an IPv4 or IPv6 address literal, example.com/24",
      "010.0.0.0/8|Cannot insert network: not an IPv4 or IPv6 address literal, 010.0.0.0/8",
      "2001:db8::1::/64|Cannot insert network: an IPv6 address may contain '::' only once, 2001:db8::1::/64",
      "::ffff:192.0.2.0/120|Cannot insert network: it lies in an IPv4 alias [::ffff:0:0/96, 2001::/32, 2002::/16]"
          + " that points at the IPv4 subtree, insert the IPv4 network instead, ::ffff:192.0.2.0/120",
      "2002::/16|Cannot insert network: it lies in an IPv4 alias [::ffff:0:0/96, 2001::/32, 2002::/16]"
          + " that points at the IPv4 subtree, insert the IPv4 network instead, 2002::/16",
  })
  void invalidNetwork_isRejectedWithReason(String cidr, String message) {
    MmdbWriter writer = writer();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writer.insert(cidr, A));
    assertEquals(message, e.getMessage());
  }

  @Test
  void unsupportedValue_isRejectedWithPathAndNetwork() {
    MmdbWriter writer = writer();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.insert("192.0.2.0/24", Map.of("city", Map.of("population", -5))));
    assertEquals("Cannot insert network: negative integer -5 at record.city.population: MaxMind DB integers"
        + " are unsigned, use MmdbValue.Int32, 192.0.2.0/24", e.getMessage());
  }

  @Test
  void zeroBuildEpoch_isRejectedBecauseLibmaxminddbRefusesIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new MmdbWriter("Test", Map.of("en", "t"), List.of("en"), 0));
    assertEquals("Cannot create writer: build epoch must be > 0, 0", e.getMessage());
  }

  private static byte[] bytes(MmdbWriter writer) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out);
    return out.toByteArray();
  }

  private static int occurrences(byte[] haystack, String needle) {
    byte[] n = needle.getBytes(StandardCharsets.UTF_8);
    int count = 0;
    outer:
    for (int i = 0; i + n.length <= haystack.length; i++) {
      for (int j = 0; j < n.length; j++) {
        if (haystack[i + j] != n[j]) {
          continue outer;
        }
      }
      count++;
    }
    return count;
  }
}
