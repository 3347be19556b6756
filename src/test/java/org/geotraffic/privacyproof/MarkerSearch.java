package org.geotraffic.privacyproof;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.io.CompressionCodec;

/**
 * Finds marker byte strings in every file under a folder, in one pass per file (Aho–Corasick). Text
 * markers match ASCII-case-insensitively; binary markers match exactly. Compressed files are searched
 * twice: as stored, and decompressed (gzip by magic bytes; Spark's lz4/snappy/zstd/lzf by file extension,
 * as Spark names compressed event logs).
 */
final class MarkerSearch {
  /** One occurrence: where, which marker, and the bytes around it (for the failure message). */
  record Hit(String where, long offset, String marker, String context) {
    @Override
    public String toString() {
      return where + " @" + offset + ": '" + marker + "' in ..." + context + "...";
    }
  }

  /** What a search covered and found. */
  record Result(int files, long bytes, List<Hit> hits) {}

  private final Automaton text;
  private final Automaton binary;

  MarkerSearch(Collection<String> textMarkers, Collection<String> binaryMarkers) {
    List<byte[]> t = new ArrayList<>();
    for (String m : textMarkers) {
      t.add(m.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
    List<byte[]> b = new ArrayList<>();
    for (String m : binaryMarkers) {
      b.add(m.getBytes(StandardCharsets.ISO_8859_1));
    }
    text = new Automaton(t, true);
    binary = new Automaton(b, false);
  }

  /** Searches every regular file under {@code root} (recursively), decompressing what it can. */
  Result searchTree(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    int count = 0;
    long bytes = 0;
    List<Hit> hits = new ArrayList<>();
    for (Path f : files) {
      byte[] data = Files.readAllBytes(f);
      count++;
      bytes += data.length;
      search(f.toString(), data, hits);
      byte[] plain = decompressed(f, data);
      if (plain != null) {
        bytes += plain.length;
        search(f + "!decompressed", plain, hits);
      }
    }
    return new Result(count, bytes, hits);
  }

  /** Searches one byte array, adding hits labelled {@code where}. */
  void search(String where, byte[] data, List<Hit> hits) {
    text.scan(where, data, hits);
    binary.scan(where, data, hits);
  }

  List<Hit> search(String where, String value) {
    List<Hit> hits = new ArrayList<>();
    search(where, value.getBytes(StandardCharsets.UTF_8), hits);
    return hits;
  }

  private static byte[] decompressed(Path f, byte[] data) throws IOException {
    String name = f.getFileName().toString();
    if (data.length > 2 && (data[0] & 0xff) == 0x1f && (data[1] & 0xff) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(data))) {
        return in.readAllBytes();
      }
    }
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1);
    if (List.of("lz4", "snappy", "zstd", "lzf").contains(ext)) {
      CompressionCodec codec = CompressionCodec.createCodec(new SparkConf(), ext);
      try (InputStream in = codec.compressedInputStream(new BufferedInputStream(new java.io.ByteArrayInputStream(data)))) {
        return in.readAllBytes();
      } catch (IOException | RuntimeException e) {
        throw new UncheckedIOException(new IOException("Cannot decompress " + f + " as " + ext + ": " + e, e));
      }
    }
    return null;
  }

  /** Aho–Corasick over bytes with sorted, sparse transitions. */
  private static final class Automaton {
    private final boolean foldCase;
    private final List<byte[]> patterns;
    private byte[][] edgeBytes = new byte[16][];
    private int[][] edgeTargets = new int[16][];
    private int[] fail = new int[16];
    /** Pattern indexes ending at a node (own and via failure links), or null. */
    private int[][] out = new int[16][];
    private int nodes = 1;

    Automaton(List<byte[]> patterns, boolean foldCase) {
      this.patterns = patterns;
      this.foldCase = foldCase;
      edgeBytes[0] = new byte[0];
      edgeTargets[0] = new int[0];
      for (int p = 0; p < patterns.size(); p++) {
        int node = 0;
        for (byte b : patterns.get(p)) {
          int next = child(node, b);
          if (next < 0) {
            next = addNode();
            addEdge(node, b, next);
          }
          node = next;
        }
        out[node] = append(out[node], p);
      }
      // Breadth-first failure links.
      int[] queue = new int[nodes];
      int head = 0;
      int tail = 0;
      for (int t : edgeTargets[0]) {
        fail[t] = 0;
        queue[tail++] = t;
      }
      while (head < tail) {
        int node = queue[head++];
        for (int e = 0; e < edgeBytes[node].length; e++) {
          byte b = edgeBytes[node][e];
          int t = edgeTargets[node][e];
          int f = fail[node];
          while (f != 0 && child(f, b) < 0) {
            f = fail[f];
          }
          int c = child(f, b);
          fail[t] = c >= 0 && c != t ? c : 0;
          if (out[fail[t]] != null) {
            for (int p : out[fail[t]]) {
              out[t] = append(out[t], p);
            }
          }
          queue[tail++] = t;
        }
      }
    }

    void scan(String where, byte[] data, List<Hit> hits) {
      if (patterns.isEmpty()) {
        return;
      }
      int node = 0;
      for (int i = 0; i < data.length; i++) {
        byte b = data[i];
        if (foldCase && b >= 'A' && b <= 'Z') {
          b = (byte) (b + 32);
        }
        int c;
        while ((c = child(node, b)) < 0 && node != 0) {
          node = fail[node];
        }
        node = c < 0 ? 0 : c;
        if (out[node] != null) {
          for (int p : out[node]) {
            int len = patterns.get(p).length;
            long start = i - len + 1L;
            hits.add(new Hit(where, start, printable(patterns.get(p)), context(data, (int) start, len)));
          }
        }
      }
    }

    private int child(int node, byte b) {
      byte[] keys = edgeBytes[node];
      int i = Arrays.binarySearch(keys, b);
      return i >= 0 ? edgeTargets[node][i] : -1;
    }

    private int addNode() {
      if (nodes == fail.length) {
        int n = nodes * 2;
        edgeBytes = Arrays.copyOf(edgeBytes, n);
        edgeTargets = Arrays.copyOf(edgeTargets, n);
        fail = Arrays.copyOf(fail, n);
        out = Arrays.copyOf(out, n);
      }
      edgeBytes[nodes] = new byte[0];
      edgeTargets[nodes] = new int[0];
      return nodes++;
    }

    private void addEdge(int node, byte b, int target) {
      byte[] keys = edgeBytes[node];
      int at = -(Arrays.binarySearch(keys, b) + 1);
      byte[] k = new byte[keys.length + 1];
      int[] t = new int[keys.length + 1];
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(edgeTargets[node], 0, t, 0, at);
      k[at] = b;
      t[at] = target;
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(edgeTargets[node], at, t, at + 1, keys.length - at);
      edgeBytes[node] = k;
      edgeTargets[node] = t;
    }

    private static int[] append(int[] a, int v) {
      if (a == null) {
        return new int[] {v};
      }
      int[] r = Arrays.copyOf(a, a.length + 1);
      r[a.length] = v;
      return r;
    }
  }

  private static String printable(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      int v = x & 0xff;
      s.append(v >= 0x20 && v < 0x7f ? String.valueOf((char) v) : String.format("\\x%02x", v));
    }
    return s.toString();
  }

  private static String context(byte[] data, int start, int len) {
    int from = Math.max(0, start - 60);
    int to = Math.min(data.length, start + len + 60);
    return printable(Arrays.copyOfRange(data, from, to));
  }
}
