package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of log formats has a row for every preset, naming the client field the preset knows, and
 * every fixture it links exists.
 */
class ReadmeFormatsTableTest {
  private static final Pattern FIXTURE_LINK = Pattern.compile("\\]\\((src/test/resources/fixtures/formats/[^)]+)\\)");

  private static List<String> tableRows() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("## Log formats");
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end).lines().filter(l -> l.startsWith("| `")).toList();
  }

  @Test
  void everyPreset_hasOneRowWithItsClientFieldAndAnExistingFixture() throws IOException {
    List<String> rows = tableRows();
    for (Preset p : Preset.values()) {
      String preset = p.key();
      List<String> mine = rows.stream().filter(r -> r.startsWith("| `" + preset + "` |")).toList();
      assertEquals(1, mine.size(), preset + " rows: " + mine);
      assertTrue(mine.get(0).contains(" | " + p.clientField() + " | "), preset + ": client field differs from "
          + p.clientField());
      Matcher m = FIXTURE_LINK.matcher(mine.get(0));
      assertTrue(m.find(), preset + " row links no fixture");
      assertTrue(Files.isDirectory(Path.of(m.group(1))), preset + ": " + m.group(1));
    }
  }
}
