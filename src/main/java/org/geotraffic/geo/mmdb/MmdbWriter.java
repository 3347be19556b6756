package org.geotraffic.geo.mmdb;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes MaxMind DB files (format v2.0, https://maxmind.github.io/MaxMind-DB/) that the GeoIP2 readers,
 * {@code com.maxmind.db.Reader} and libmaxminddb open like MaxMind's own: we build our demo and test
 * databases from our own data, and no maintained Java writer exists.
 *
 * <p>What it writes:
 *
 * <ul>
 *   <li>An {@code ip_version 6} search tree. IPv4 networks go under {@code ::/96} ({@code ::a.b.c.d}, prefix
 *       96 + length), where readers look up IPv4 addresses.
 *   <li>MaxMind's IPv4 aliases, as its writers do with {@code alias_ipv6_to_ipv4}: the records for
 *       {@code ::ffff:0:0/96} (IPv4-mapped), {@code 2001::/32} (Teredo) and {@code 2002::/16} (6to4) point at
 *       the IPv4 subtree, so libmaxminddb, which looks up {@code ::ffff:a.b.c.d} as the 128-bit address it
 *       is, finds the IPv4 data. Inserting a network inside an alias is rejected (it would be unreachable);
 *       a broader network that contains an alias (such as {@code ::/0}) fills everything around it.
 *   <li>Records of 28 bits by default (MaxMind's own choice for City databases and the default of
 *       {@code maxmind/mmdbwriter}); 24 and 32 can be chosen. A record holds a node number, the node count
 *       for "not found", or node count + 16 + the offset of a data-section entry.
 *   <li>A data section in which identical records (equal serialised bytes, see {@link DataEncoder}) are
 *       stored once, in the order in which the tree first refers to them; records no network refers to any
 *       more (overwritten) are left out.
 *   <li>The 16-byte zero separator, the marker {@code \xAB\xCD\xEFMaxMind.com} and the metadata map.
 * </ul>
 *
 * <p>Inserts follow {@code mmdbwriter}'s default "replace" rule: a network replaces whatever the tree held for
 * exactly that range, so a more specific network inserted after a broader one splits it (the rest of the
 * broader network keeps its record), and a broader network inserted later overwrites the more specific ones
 * inside it. Sibling ranges that end up with the same record are merged into one tree record, so the tree
 * is minimal and the file depends only on what each address maps to, not on the order of the inserts: the
 * same inserts always give the same bytes.
 *
 * <p>Not thread-safe: build a database from one thread.
 */
public final class MmdbWriter {
  /** The default record size in bits. */
  public static final int DEFAULT_RECORD_SIZE = 28;

  private static final int EMPTY = -1;
  /** Marks a tree side that is an alias of the IPv4 subtree {@code ::/96}. */
  private static final int ALIAS = -2;
  /** The networks MaxMind's writers alias to the IPv4 subtree ({@code alias_ipv6_to_ipv4}). */
  public static final List<String> IPV4_ALIASES = List.of("::ffff:0:0/96", "2001::/32", "2002::/16");
  private static final NetworkPrefix IPV4_SUBTREE = new NetworkPrefix(0, 0, 96);
  private static final int SEPARATOR_LENGTH = 16;
  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };

  private final String databaseType;
  private final Map<String, String> description;
  private final List<String> languages;
  private final long buildEpochSeconds;
  private final int recordSize;

  private final TrieNode root = new TrieNode(EMPTY);
  private final Map<ByteBuffer, Integer> recordIds = new HashMap<>();
  private final List<byte[]> records = new ArrayList<>();

  /**
   * A writer with {@link #DEFAULT_RECORD_SIZE 28-bit} records.
   *
   * @param databaseType metadata {@code database_type}; GeoIP2 readers pick the model from it (it must
   *     contain "City" for {@code DatabaseReader.city}, "Country" or "City" for {@code country})
   * @param description metadata {@code description}, language code to text (e.g. {@code en})
   * @param languages metadata {@code languages}, the locales of the names in the records
   * @param buildEpochSeconds metadata {@code build_epoch}, seconds since 1970; fixed by the caller so that
   *     the output is reproducible; must be positive, as libmaxminddb rejects 0
   */
  public MmdbWriter(
      String databaseType, Map<String, String> description, List<String> languages, long buildEpochSeconds) {
    this(databaseType, description, languages, buildEpochSeconds, DEFAULT_RECORD_SIZE);
  }

  /**
   * A writer with the given record size.
   *
   * @param recordSize 24, 28 or 32 bits; smaller records give a smaller tree but address fewer nodes and
   *     data bytes ({@link #write} fails when they do not fit)
   */
  public MmdbWriter(
      String databaseType,
      Map<String, String> description,
      List<String> languages,
      long buildEpochSeconds,
      int recordSize) {
    this.databaseType = Objects.requireNonNull(databaseType, "databaseType");
    this.description = Map.copyOf(description);
    this.languages = List.copyOf(languages);
    if (buildEpochSeconds <= 0) {
      // libmaxminddb refuses a file whose build_epoch is 0 ("invalid metadata"); the Java reader accepts it.
      throw new IllegalArgumentException("Cannot create writer: build epoch must be > 0, " + buildEpochSeconds);
    }
    if (recordSize != 24 && recordSize != 28 && recordSize != 32) {
      throw new IllegalArgumentException("Cannot create writer: record size must be 24, 28 or 32, " + recordSize);
    }
    this.buildEpochSeconds = buildEpochSeconds;
    this.recordSize = recordSize;
    for (String alias : IPV4_ALIASES) {
      placeAlias(NetworkPrefix.parse(alias));
    }
  }

  /**
   * Maps every address of {@code cidr} to {@code record}, replacing what the tree held for that range.
   *
   * @param cidr an IPv4 ({@code 192.0.2.0/24}) or IPv6 ({@code 2001:db8::/32}) network with zero host bits
   * @param record the data; values as described in {@link DataEncoder}: String, Integer/Long (uint32, or
   *     uint64 above 2^32-1), BigInteger, Double, Float, Boolean, byte[], List, Map with String keys, and
   *     {@link MmdbValue} for explicit types
   * @throws IllegalArgumentException "Cannot insert network: &lt;why&gt;, &lt;cidr&gt;" for a bad network or a
   *     value that cannot be stored
   */
  public void insert(String cidr, Map<String, ?> record) {
    NetworkPrefix prefix = NetworkPrefix.parse(cidr);
    if (record == null) {
      throw new IllegalArgumentException("Cannot insert network: record is null, " + cidr);
    }
    byte[] bytes;
    try {
      bytes = DataEncoder.encode(record);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Cannot insert network: " + e.getMessage() + ", " + cidr, e);
    }
    int id = recordIds.computeIfAbsent(ByteBuffer.wrap(bytes), key -> {
      records.add(bytes);
      return records.size() - 1;
    });
    insert(prefix, id, cidr);
  }

  private void insert(NetworkPrefix prefix, int id, String cidr) {
    if (prefix.bits() == 0) {
      // The root must stay a node (readers start at node 0), so ::/0 sets both of its sides.
      replace(root, 0, id);
      replace(root, 1, id);
      return;
    }
    TrieNode node = root;
    for (int depth = 0; depth < prefix.bits() - 1; depth++) {
      int side = prefix.bit(depth);
      if (node.children[side] == null) {
        if (node.data[side] == ALIAS) {
          throw insideAlias(cidr);
        }
        // Split: both halves inherit the broader record; the path we follow gets overwritten below.
        node.children[side] = new TrieNode(node.data[side]);
        node.data[side] = EMPTY;
      }
      node = node.children[side];
    }
    int side = prefix.bit(prefix.bits() - 1);
    if (node.children[side] == null && node.data[side] == ALIAS) {
      throw insideAlias(cidr);
    }
    replace(node, side, id);
  }

  private static IllegalArgumentException insideAlias(String cidr) {
    return new IllegalArgumentException("Cannot insert network: it lies in an IPv4 alias "
        + IPV4_ALIASES + " that points at the IPv4 subtree, insert the IPv4 network instead, " + cidr);
  }

  /** Sets one side of {@code node} to {@code id}, keeping any alias below it. */
  private static void replace(TrieNode node, int side, int id) {
    TrieNode child = node.children[side];
    if (child == null) {
      if (node.data[side] != ALIAS) {
        node.data[side] = id;
      }
    } else if (!child.holdsAlias) {
      node.children[side] = null;
      node.data[side] = id;
    } else {
      replace(child, 0, id);
      replace(child, 1, id);
    }
  }

  /** Runs in the constructor, on a tree that holds nothing else yet. */
  private void placeAlias(NetworkPrefix alias) {
    TrieNode node = root;
    node.holdsAlias = true;
    for (int depth = 0; depth < alias.bits() - 1; depth++) {
      int side = alias.bit(depth);
      if (node.children[side] == null) {
        node.children[side] = new TrieNode(EMPTY);
      }
      node = node.children[side];
      node.holdsAlias = true;
    }
    node.data[alias.bit(alias.bits() - 1)] = ALIAS;
  }

  /** Writes the database to {@code path}, replacing an existing file. */
  public void write(Path path) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
      write(out);
    }
  }

  /**
   * Writes the database to {@code out} (not closed).
   *
   * @throws IllegalStateException when the tree and data do not fit the record size
   */
  public void write(OutputStream out) throws IOException {
    Layout layout = layout();
    long nodeCount = layout.nodes.size();
    long maxRecordValue = nodeCount + SEPARATOR_LENGTH + layout.dataLength;
    if (maxRecordValue >= (1L << recordSize)) {
      throw new IllegalStateException("Cannot write database: " + nodeCount + " nodes and " + layout.dataLength
          + " data bytes do not fit " + recordSize + "-bit records, " + databaseType);
    }
    byte[] node = new byte[recordSize / 4];
    for (OutNode outNode : layout.nodes) {
      long left = recordValue(outNode.left, nodeCount, layout);
      long right = recordValue(outNode.right, nodeCount, layout);
      encodeNode(node, left, right);
      out.write(node);
    }
    out.write(new byte[SEPARATOR_LENGTH]);
    for (int id : layout.dataOrder) {
      out.write(records.get(id));
    }
    out.write(METADATA_MARKER);
    out.write(DataEncoder.encode(metadata(nodeCount)));
    out.flush();
  }

  private Map<String, Object> metadata(long nodeCount) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("binary_format_major_version", new MmdbValue.Uint16(2));
    metadata.put("binary_format_minor_version", new MmdbValue.Uint16(0));
    metadata.put("build_epoch", MmdbValue.Uint64.of(buildEpochSeconds));
    metadata.put("database_type", databaseType);
    metadata.put("description", description);
    metadata.put("ip_version", new MmdbValue.Uint16(6));
    metadata.put("languages", languages);
    metadata.put("node_count", new MmdbValue.Uint32(nodeCount));
    metadata.put("record_size", new MmdbValue.Uint16(recordSize));
    return metadata;
  }

  private void encodeNode(byte[] node, long left, long right) {
    switch (recordSize) {
      case 24 -> {
        put(node, 0, left, 3);
        put(node, 3, right, 3);
      }
      case 28 -> {
        // The middle byte holds the top nibble of each record: left in its high half, right in its low half.
        put(node, 0, left, 3);
        node[3] = (byte) (((left >>> 24) & 0x0F) << 4 | ((right >>> 24) & 0x0F));
        put(node, 4, right, 3);
      }
      default -> {
        put(node, 0, left, 4);
        put(node, 4, right, 4);
      }
    }
  }

  private static void put(byte[] target, int offset, long value, int length) {
    for (int i = 0; i < length; i++) {
      target[offset + i] = (byte) (value >>> (8 * (length - 1 - i)));
    }
  }

  private static long recordValue(Object child, long nodeCount, Layout layout) {
    if (child instanceof OutNode node) {
      return node.number;
    }
    int id = (Integer) child;
    if (id == EMPTY) {
      return nodeCount;
    }
    return nodeCount + SEPARATOR_LENGTH + layout.dataOffsets.get(id);
  }

  /**
   * Merges equal sibling leaves, numbers nodes breadth-first from the root and places the data. The IPv4
   * subtree is resolved once and shared by {@code ::/96} and the aliases, so it is written once.
   */
  private Layout layout() {
    Resolver resolver = new Resolver();
    OutNode outRoot = new OutNode(resolver.child(root, 0), resolver.child(root, 1));
    Layout layout = new Layout();
    Deque<OutNode> queue = new ArrayDeque<>();
    queue.add(outRoot);
    while (!queue.isEmpty()) {
      OutNode node = queue.poll();
      if (node.number >= 0) {
        continue;
      }
      node.number = layout.nodes.size();
      layout.nodes.add(node);
      for (Object child : new Object[] {node.left, node.right}) {
        if (child instanceof OutNode next) {
          queue.add(next);
        } else {
          int id = (Integer) child;
          if (id != EMPTY && !layout.dataOffsets.containsKey(id)) {
            layout.dataOffsets.put(id, layout.dataLength);
            layout.dataOrder.add(id);
            layout.dataLength += records.get(id).length;
          }
        }
      }
    }
    return layout;
  }

  /** Turns the in-memory tree into {@link OutNode}s, with aliases replaced by the shared IPv4 subtree. */
  private final class Resolver {
    private final TrieNode ipv4Parent;
    private final Object ipv4;

    Resolver() {
      // Walk the 96 zero bits of ::/96; the IPv4 subtree is what the tree holds there.
      TrieNode node = root;
      int depth = 0;
      while (depth < IPV4_SUBTREE.bits() - 1 && node.children[0] != null) {
        node = node.children[0];
        depth++;
      }
      if (depth == IPV4_SUBTREE.bits() - 1) {
        ipv4Parent = node;
        ipv4 = resolve(node, 0);
      } else {
        ipv4Parent = null;
        ipv4 = node.data[0];
      }
    }

    Object child(TrieNode parent, int side) {
      if (parent == ipv4Parent && side == 0) {
        return ipv4;
      }
      return resolve(parent, side);
    }

    /** An {@link OutNode}, or the Integer record id when both halves below map to the same record. */
    private Object resolve(TrieNode parent, int side) {
      TrieNode node = parent.children[side];
      if (node == null) {
        return parent.data[side] == ALIAS ? ipv4 : Integer.valueOf(parent.data[side]);
      }
      Object left = child(node, 0);
      Object right = child(node, 1);
      if (left instanceof Integer l && right instanceof Integer r && l.intValue() == r.intValue()) {
        return l;
      }
      return new OutNode(left, right);
    }
  }

  /** The in-memory tree; a side holds either a child node or a record id ({@link #EMPTY} for none). */
  private static final class TrieNode {
    final TrieNode[] children = new TrieNode[2];
    final int[] data;
    /** True on the path to an alias: such a node is never replaced by a leaf. */
    boolean holdsAlias;

    TrieNode(int inherited) {
      data = new int[] {inherited, inherited};
    }
  }

  /** A node of the tree as written: each side an {@link OutNode} or an Integer record id. */
  private static final class OutNode {
    final Object left;
    final Object right;
    long number = -1;

    OutNode(Object left, Object right) {
      this.left = left;
      this.right = right;
    }
  }

  /** Node order and data placement of one {@link #write}. */
  private static final class Layout {
    final List<OutNode> nodes = new ArrayList<>();
    final Map<Integer, Long> dataOffsets = new HashMap<>();
    final List<Integer> dataOrder = new ArrayList<>();
    long dataLength;
  }
}
