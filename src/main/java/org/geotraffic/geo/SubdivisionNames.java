package org.geotraffic.geo;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maps a first-level subdivision's name, as databases without codes write it (DB-IP Lite's {@code
 * subdivisions[0].names.en}, ip-location-db's {@code state1}), to its ISO 3166-2 code within one country:
 * {@code (DE, "Bavaria") → DE-BY}, {@code (US, "California") → US-CA}, {@code (CN, "Beijing") → CN-BJ}.
 *
 * <p>Names are compared folded: case, accents, punctuation and a trailing generic word ("Sheng", "Province",
 * "Region", ...) do not matter. Known are the ISO 3166-2 names of {@link Iso3166} (often local: "Bayern"), the
 * part before a comma or bracket ("Asturias, Principado de" → "Asturias") and the English exonyms of {@code
 * subdivision-english-names.tsv}. An unknown name gives null (region unknown), never a guess.
 *
 * <p>Loaded once per JVM on first use; immutable and thread-safe afterwards.
 */
public final class SubdivisionNames {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
  /** Words that name the kind of unit, not the unit; dropped from the end (and "state of" etc. from the start). */
  private static final Set<String> GENERIC = Set.of("sheng", "shi", "zizhiqu", "province", "provincia", "region",
      "oblast", "kray", "krai", "state", "county", "prefecture", "ken", "to", "fu", "do", "voivodeship",
      "district", "department", "governorate", "municipality", "republic", "autonomous", "community", "of", "the",
      "land", "canton", "gewest", "comunidad", "principado", "de", "la", "del", "city", "metropolitan",
      "capital", "territory", "special", "administrative", "area", "sar", "teukbyeolsi", "gwangyeoksi", "huizi",
      "zhuangzu", "uygur", "wilayah", "respublika", "avtonomnyy", "okrug", "lan", "kraj", "stolitsa");

  private SubdivisionNames() {}

  /** The ISO 3166-2 code of the first-level subdivision of {@code country} called {@code name}, or null. */
  public static String codeOf(String country, String name) {
    if (country == null || name == null) {
      return null;
    }
    Map<String, String> names = Data.BY_COUNTRY.get(country);
    if (names == null) {
      return null;
    }
    String key = fold(name);
    String code = names.get(key);
    if (code == null) {
      code = names.get(stripGeneric(key));
    }
    return code == null || Data.AMBIGUOUS.equals(code) ? null : code;
  }

  /** Lower case, no accents, words separated by single spaces. */
  static String fold(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFD);
    n = MARKS.matcher(n).replaceAll("").toLowerCase(Locale.ROOT).replace("ł", "l").replace("ß", "ss").replace("ø", "o")
        .replace("æ", "ae").replace("đ", "d").replace("ı", "i");
    return NON_ALNUM.matcher(n).replaceAll(" ").trim();
  }

  /** A folded name without leading and trailing generic words ("beijing shi" → "beijing"); itself if all generic. */
  static String stripGeneric(String folded) {
    String[] words = folded.split(" ");
    int from = 0;
    int to = words.length;
    while (to > from + 1 && GENERIC.contains(words[to - 1])) {
      to--;
    }
    while (from < to - 1 && GENERIC.contains(words[from])) {
      from++;
    }
    return String.join(" ", java.util.Arrays.copyOfRange(words, from, to));
  }

  /** Loaded by the JVM on first access, exactly once. */
  private static final class Data {
    static final String AMBIGUOUS = "";
    static final Map<String, Map<String, String>> BY_COUNTRY = build();

    private static Map<String, Map<String, String>> build() {
      Map<String, Map<String, String>> byCountry = new HashMap<>(512);
      for (String code : Iso3166.subdivisions()) {
        if (Iso3166.parentOf(code) != null) {
          continue;
        }
        String name = Iso3166.subdivisionName(code);
        String country = code.substring(0, code.indexOf('-'));
        Map<String, String> names = byCountry.computeIfAbsent(country, c -> new HashMap<>());
        // "Wales [Cymru GB-CYM]", "Alacant*", "Asturias, Principado de": the name before the bracket or comma.
        String base = name.replaceAll("\\[.*?]", "").replace("*", "").trim();
        add(names, fold(base), code);
        int comma = base.indexOf(',');
        if (comma > 0) {
          add(names, fold(base.substring(0, comma)), code);
          add(names, fold(base.substring(comma + 1) + " " + base.substring(0, comma)), code);
        }
        add(names, stripGeneric(fold(base)), code);
      }
      // Exonyms win over folded ISO names: they are chosen by hand.
      for (String[] parts : TsvResource.rows(SubdivisionNames.class, "subdivision-english-names.tsv", "subdivision names")) {
        if (parts.length < 2 || !Iso3166.isSubdivision(parts[0])) {
          throw new IllegalStateException("Cannot load subdivision names: bad row for " + parts[0]);
        }
        String country = parts[0].substring(0, parts[0].indexOf('-'));
        Map<String, String> names = byCountry.computeIfAbsent(country, c -> new HashMap<>());
        for (int i = 1; i < parts.length; i++) {
          names.put(fold(parts[i]), parts[0]);
          names.put(stripGeneric(fold(parts[i])), parts[0]);
        }
      }
      Map<String, Map<String, String>> frozen = new HashMap<>();
      byCountry.forEach((c, m) -> frozen.put(c, Map.copyOf(m)));
      return Map.copyOf(frozen);
    }

    /** Two different codes under one folded name make that name ambiguous: it then maps to nothing. */
    private static void add(Map<String, String> names, String key, String code) {
      if (key.isEmpty()) {
        return;
      }
      String old = names.putIfAbsent(key, code);
      if (old != null && !old.equals(code)) {
        names.put(key, AMBIGUOUS);
      }
    }

    private Data() {}
  }
}
