package org.geotraffic.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of src/main depends on itself through other packages: the layout reads as the pipeline (STYLE.md), and a
 * newcomer can understand a package from the ones below it. Read from the sources, not the bytecode, so that a
 * compile-time constant inlined by javac still counts. A dependency is an import or a fully qualified name in code
 * ({@code org.geotraffic.report.ReportCommand.run(...)}); comments and string literals are not.
 */
class PackageCycleTest {
  private static final Path MAIN = Path.of("src/main/java");
  private static final String BASE = "org.geotraffic";
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  /** An import or a qualified name of a type of this project: the package is the lower-case words before the type. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(org\\.geotraffic(?:\\.[a-z_]\\w*)*)\\.(?:[A-Z]|\\*)");

  @Test
  void mainPackages_haveNoCycle() {
    Map<String, Map<String, Set<String>>> graph = packageGraph(MAIN);
    assertTrue(graph.size() > 5, "Cannot check for cycles: found only " + graph.keySet() + " under " + MAIN.toAbsolutePath());
    List<String> cycles = cycles(graph);
    assertEquals(List.of(), cycles, "package cycles in src/main (each arrow names the files that make it)");
  }

  @Test
  void aCycleThroughAQualifiedName_isFound() {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    addFile(graph, "a/A.java", "package org.geotraffic.a;\nimport org.geotraffic.b.B;\nclass A {}\n");
    addFile(graph, "b/B.java",
        "package org.geotraffic.b;\n// org.geotraffic.c.C in a comment is no dependency\nclass B { Object x = org.geotraffic.a.A.class; }\n");
    assertEquals(List.of("org.geotraffic.a -> org.geotraffic.b (a/A.java) -> org.geotraffic.a (b/B.java)"), cycles(graph));
  }

  /** package -> package it uses -> the files (relative to src/main/java) that use it. */
  private static Map<String, Map<String, Set<String>>> packageGraph(Path root) {
    Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        addFile(graph, root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the main sources: " + root.toAbsolutePath(), e);
    }
    return graph;
  }

  private static void addFile(Map<String, Map<String, Set<String>>> graph, String name, String source) {
    String code = withoutCommentsAndStrings(source);
    Matcher declared = PACKAGE.matcher(code);
    if (!declared.find()) {
      return;
    }
    String own = declared.group(1);
    Map<String, Set<String>> uses = graph.computeIfAbsent(own, p -> new TreeMap<>());
    Matcher reference = REFERENCE.matcher(code.substring(declared.end()));
    while (reference.find()) {
      String used = reference.group(1);
      if (!used.equals(own) && (used.startsWith(BASE + ".") || used.equals(BASE))) {
        uses.computeIfAbsent(used, p -> new TreeSet<>()).add(name);
        graph.computeIfAbsent(used, p -> new TreeMap<>());
      }
    }
  }

  /** One line per cycle found from each package in order, as the shortest way back to it; a cycle is named once. */
  private static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
    List<String> found = new ArrayList<>();
    Set<Set<String>> seen = new HashSet<>();
    for (String start : graph.keySet()) {
      List<String> path = shortestWayBack(graph, start);
      if (path != null && seen.add(new TreeSet<>(path))) {
        StringBuilder line = new StringBuilder(start);
        for (int i = 0; i < path.size(); i++) {
          String from = path.get(i);
          String to = i + 1 < path.size() ? path.get(i + 1) : start;
          line.append(" -> ").append(to).append(" (").append(String.join(", ", graph.get(from).get(to))).append(')');
        }
        found.add(line.toString());
      }
    }
    return found;
  }

  /** The packages on the shortest way from start back to start, start first; null if there is none. */
  private static List<String> shortestWayBack(Map<String, Map<String, Set<String>>> graph, String start) {
    Map<String, String> cameFrom = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>(graph.get(start).keySet());
    graph.get(start).keySet().forEach(next -> cameFrom.put(next, start));
    while (!queue.isEmpty()) {
      String at = queue.poll();
      if (at.equals(start)) {
        List<String> path = new ArrayList<>();
        for (String step = cameFrom.get(start); !step.equals(start); step = cameFrom.get(step)) {
          path.add(0, step);
        }
        path.add(0, start);
        return path;
      }
      for (String next : graph.get(at).keySet()) {
        if (!cameFrom.containsKey(next)) {
          cameFrom.put(next, at);
          queue.add(next);
        }
      }
    }
    return null;
  }

  /** The source with comments, string and character literals and text blocks blanked out (line breaks kept). */
  private static String withoutCommentsAndStrings(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = skipTo(source, i, "\n", out);
      } else if (source.startsWith("/*", i)) {
        i = skipTo(source, i + 2, "*/", out);
      } else if (source.startsWith("\"\"\"", i)) {
        i = skipTo(source, i + 3, "\"\"\"", out);
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < source.length() && source.charAt(i) != c && source.charAt(i) != '\n') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Skips from i past the end marker (or to the end), keeping line breaks; returns the index after the marker. */
  private static int skipTo(String source, int i, String end, StringBuilder out) {
    int stop = source.indexOf(end, i);
    int after = stop < 0 ? source.length() : stop + ("\n".equals(end) ? 0 : end.length());
    for (int j = i; j < after; j++) {
      if (source.charAt(j) == '\n') {
        out.append('\n');
      }
    }
    out.append(' ');
    return after;
  }
}
