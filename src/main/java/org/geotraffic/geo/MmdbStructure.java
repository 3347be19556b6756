package org.geotraffic.geo;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Checks the layout of a MaxMind DB file (https://maxmind.github.io/MaxMind-DB/) before any lookup: the search
 * tree fits in the file, the 16-byte separator is zero, and every record of every node is a node, "not found" or
 * a pointer into the data section. A truncated file, a broken tree or a tree pointing past the data is caught here,
 * on the driver, instead of as a lookup error on an executor. It also walks the tree once and returns one address
 * per distinct data record (up to a limit), which {@link GeoDatabase} decodes to check the data and detect the
 * schema.
 *
 * <p>Reads the file through a read-only memory map; linear in the node count (a few hundred ms for a City
 * database). Stateless.
 */
final class MmdbStructure {
  private static final byte[] METADATA_MARKER = {
    (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i', 'n', 'd', '.', 'c', 'o', 'm'
  };
  /** MaxMind's readers look for the marker in the last 128 KiB. */
  private static final int METADATA_MAX = 128 * 1024;

  /** Thrown with a "why" that {@link GeoDatabase} puts into its message. */
  static final class CorruptException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptException(String why) {
      super(why);
    }
  }

  /**
   * The result of a check.
   *
   * @param samples one address per distinct data record, in tree order, at most the limit asked for
   * @param distinctRecords how many distinct data records the tree points at
   * @param networks how many tree records point at data
   */
  record Result(List<InetAddress> samples, int distinctRecords, long networks) {}

  private MmdbStructure() {}

  /**
   * Checks the file's tree.
   *
   * @param nodeCount, recordSize, ipVersion the metadata values the reader parsed
   * @param maxSamples the most sample addresses to return
   */
  static Result check(File file, long nodeCount, int recordSize, int ipVersion, int maxSamples)
      throws IOException, CorruptException {
    if (recordSize != 24 && recordSize != 28 && recordSize != 32) {
      throw new CorruptException("record_size " + recordSize + " is not 24, 28 or 32");
    }
    if (ipVersion != 4 && ipVersion != 6) {
      throw new CorruptException("ip_version " + ipVersion + " is not 4 or 6");
    }
    try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      long markerAt = lastMarker(buf, size);
      if (markerAt < 0) {
        throw new CorruptException("no metadata marker (truncated file?)");
      }
      int nodeBytes = recordSize / 4;
      long treeSize = nodeCount * nodeBytes;
      if (nodeCount <= 0 || treeSize + 16 > markerAt) {
        throw new CorruptException("search tree of " + nodeCount + " nodes does not fit before the metadata (truncated file?)");
      }
      for (int i = 0; i < 16; i++) {
        if (buf.get((int) (treeSize + i)) != 0) {
          throw new CorruptException("data section separator is not zero (node_count or record_size wrong?)");
        }
      }
      long dataSize = markerAt - treeSize - 16;
      for (long node = 0; node < nodeCount; node++) {
        for (int side = 0; side < 2; side++) {
          long v = record(buf, node, side, recordSize, nodeBytes);
          if (v > nodeCount && (v - nodeCount < 16 || v - nodeCount - 16 >= dataSize)) {
            throw new CorruptException("search tree node " + node + " points outside the data section");
          }
        }
      }
      return walk(buf, nodeCount, recordSize, nodeBytes, ipVersion == 6 ? 128 : 32, maxSamples, dataSize);
    }
  }

  /** Depth-first walk from the root, each node once, collecting one address per distinct data record. */
  private static Result walk(ByteBuffer buf, long nodeCount, int recordSize, int nodeBytes, int bits, int maxSamples,
      long dataSize) throws CorruptException {
    // Depth-first with exit markers: "open" nodes are exactly the current path, so meeting an open node again is a
    // cycle; "done" nodes were reached before by another path (MaxMind's IPv4 aliases) and are not walked again.
    BitSet open = new BitSet((int) Math.min(nodeCount, Integer.MAX_VALUE));
    BitSet done = new BitSet((int) Math.min(nodeCount, Integer.MAX_VALUE));
    // Data records seen, by offset into the data section (checked above to lie inside it): a bit per data byte. A
    // HashSet<Long> boxed each of the worldwide country database's 1,156,452 networks (259 distinct records): the
    // whole check took 136-213 ms with it, 106-128 ms without (C1 only, as the launcher runs small inputs; 2026-12-08).
    BitSet records = new BitSet((int) Math.min(dataSize, Integer.MAX_VALUE));
    int distinct = 0;
    List<InetAddress> samples = new ArrayList<>();
    long networks = 0;
    // Stack of (node, depth, high 64 bits, low 64 bits) of the path so far; node -1 - n marks leaving node n.
    long[] stack = new long[4 * 1024];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = 0;
    stack[top++] = 0;
    stack[top++] = 0;
    while (top > 0) {
      long lo = stack[--top];
      long hi = stack[--top];
      int depth = (int) stack[--top];
      long node = stack[--top];
      if (node < 0) {
        open.clear((int) (-1 - node));
        done.set((int) (-1 - node));
        continue;
      }
      if (open.get((int) node)) {
        throw new CorruptException("search tree has a cycle at node " + node);
      }
      if (done.get((int) node)) {
        continue;
      }
      if (depth >= bits) {
        throw new CorruptException("search tree is deeper than " + bits + " bits");
      }
      open.set((int) node);
      if (top + 12 > stack.length) {
        stack = java.util.Arrays.copyOf(stack, stack.length * 2);
      }
      stack[top++] = -1 - node;
      stack[top++] = depth;
      stack[top++] = 0;
      stack[top++] = 0;
      for (int side = 1; side >= 0; side--) {
        long v = record(buf, node, side, recordSize, nodeBytes);
        long childHi = hi;
        long childLo = lo;
        if (side == 1) {
          int bit = bits - 1 - depth;
          if (bits == 128 && bit >= 64) {
            childHi |= 1L << (bit - 64);
          } else {
            childLo |= 1L << bit;
          }
        }
        if (v < nodeCount) {
          stack[top++] = v;
          stack[top++] = depth + 1;
          stack[top++] = childHi;
          stack[top++] = childLo;
        } else if (v > nodeCount) {
          networks++;
          int offset = (int) (v - nodeCount - 16);
          if (!records.get(offset)) {
            records.set(offset);
            distinct++;
            if (samples.size() < maxSamples) {
              samples.add(address(bits, childHi, childLo));
            }
          }
        }
      }
    }
    return new Result(List.copyOf(samples), distinct, networks);
  }

  private static InetAddress address(int bits, long hi, long lo) {
    byte[] b = new byte[bits / 8];
    if (bits == 32) {
      for (int i = 0; i < 4; i++) {
        b[i] = (byte) (lo >>> (24 - 8 * i));
      }
    } else {
      for (int i = 0; i < 8; i++) {
        b[i] = (byte) (hi >>> (56 - 8 * i));
        b[8 + i] = (byte) (lo >>> (56 - 8 * i));
      }
    }
    try {
      return InetAddress.getByAddress(b);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Cannot build address: wrong length", e);
    }
  }

  static long record(ByteBuffer buf, long node, int side, int recordSize, int nodeBytes) {
    int at = (int) (node * nodeBytes);
    switch (recordSize) {
      case 24 -> {
        int p = at + side * 3;
        return u8(buf, p) << 16 | u8(buf, p + 1) << 8 | u8(buf, p + 2);
      }
      case 28 -> {
        int middle = (int) u8(buf, at + 3);
        if (side == 0) {
          return (long) (middle & 0xF0) << 20 | u8(buf, at) << 16 | u8(buf, at + 1) << 8 | u8(buf, at + 2);
        }
        return (long) (middle & 0x0F) << 24 | u8(buf, at + 4) << 16 | u8(buf, at + 5) << 8 | u8(buf, at + 6);
      }
      default -> {
        int p = at + side * 4;
        return u8(buf, p) << 24 | u8(buf, p + 1) << 16 | u8(buf, p + 2) << 8 | u8(buf, p + 3);
      }
    }
  }

  private static long u8(ByteBuffer buf, int at) {
    return buf.get(at) & 0xFFL;
  }

  private static long lastMarker(ByteBuffer buf, long size) {
    long stop = Math.max(0, size - METADATA_MAX);
    for (long i = size - METADATA_MARKER.length; i >= stop; i--) {
      boolean match = true;
      for (int j = 0; j < METADATA_MARKER.length && match; j++) {
        match = buf.get((int) (i + j)) == METADATA_MARKER[j];
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }
}
