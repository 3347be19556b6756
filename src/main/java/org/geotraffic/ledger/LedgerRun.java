package org.geotraffic.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.geotraffic.config.Period;
import org.geotraffic.privacy.Slice;

/**
 * What one publishing run adds to the ledger, {@code _ledger/releases/<runId>.json}: its input fingerprint
 * (the files' paths, sizes and times), the identity of the settings its numbers depend on, and its releases.
 *
 * @param settingsId a hash of the configuration and geo database the numbers were made with ({@code
 *     pipeline.ReleaseSettings}); a release made with other settings is not the same release
 */
public record LedgerRun(String runId, int sequence, String publishedAt, String settingsId, List<FileMark> inputs,
    List<LedgerRelease> releases) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LedgerRun {
    inputs = List.copyOf(inputs);
    releases = List.copyOf(releases);
  }

  public byte[] toJson() throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("run_id", runId);
    root.put("sequence", sequence);
    root.put("published_at", publishedAt);
    root.put("settings_id", settingsId);
    List<Map<String, Object>> files = new ArrayList<>();
    for (FileMark m : inputs) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", m.path());
      f.put("size", m.size());
      f.put("modified_ms", m.modifiedMillis());
      f.put("compressed", m.compressed());
      files.add(f);
    }
    root.put("inputs", files);
    List<Map<String, Object>> rs = new ArrayList<>();
    for (LedgerRelease r : releases) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("period", r.period().key());
      e.put("date", r.date());
      e.put("sites", r.sites());
      e.put("slices", r.slices().stream().map(Slice::toString).toList());
      e.put("cleared", r.cleared());
      rs.add(e);
    }
    root.put("releases", rs);
    return JSON.writeValueAsBytes(root);
  }

  /** Reads a ledger file; the exception names what is wrong (the caller names the file). */
  public static LedgerRun parse(byte[] json) throws IOException {
    JsonNode root = JSON.readTree(json);
    String runId = required(root, "run_id").asText();
    int sequence = required(root, "sequence").asInt();
    List<FileMark> inputs = new ArrayList<>();
    for (JsonNode f : required(root, "inputs")) {
      inputs.add(new FileMark(required(f, "path").asText(), required(f, "size").asLong(), required(f, "modified_ms").asLong(),
          required(f, "compressed").asBoolean()));
    }
    List<LedgerRelease> releases = new ArrayList<>();
    for (JsonNode e : required(root, "releases")) {
      List<String> sites = new ArrayList<>();
      required(e, "sites").forEach(s -> sites.add(s.asText()));
      List<Slice> slices = new ArrayList<>();
      for (JsonNode s : required(e, "slices")) {
        slices.add(slice(s.asText()));
      }
      releases.add(new LedgerRelease(runId, sequence, Period.of(required(e, "period").asText()), required(e, "date").asText(), sites, slices,
          e.path("cleared").asBoolean(false)));
    }
    return new LedgerRun(runId, sequence, root.path("published_at").asText(""), required(root, "settings_id").asText(), inputs, releases);
  }

  static Slice slice(String text) throws IOException {
    int hash = text.indexOf('#');
    if (hash < 0) {
      throw new IOException("a slice is not day#batch: " + text);
    }
    try {
      java.time.LocalDate.parse(text.substring(0, hash));
      return new Slice(text.substring(0, hash), Integer.parseInt(text.substring(hash + 1)));
    } catch (RuntimeException e) {
      throw new IOException("a slice is not day#batch: " + text, e);
    }
  }

  private static JsonNode required(JsonNode node, String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw new IOException("missing field " + field);
    }
    return v;
  }
}
