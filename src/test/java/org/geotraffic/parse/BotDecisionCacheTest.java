package org.geotraffic.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BotDecisionCacheTest {
  private static final BotDetector DETECTOR = new BotDetector(List.of("bot", "Crawl", "curl/", "monitor"));
  private static final String[] PARTS = {"Mozilla/5.0 ", "Googlebot/2.1", "curl/8.1", "CRAWLER", "Safari", "", "x",
    "Monitor", "(compatible)", "bOt"};

  private static String randomAgent(Random random, int distinct) {
    if (random.nextInt(20) == 0) {
      return null;
    }
    return PARTS[random.nextInt(PARTS.length)] + PARTS[random.nextInt(PARTS.length)] + random.nextInt(distinct);
  }

  @Test
  void repeatedAndNewAgents_sameDecisionAsTheDetector() {
    Random random = new Random(11);
    BotDecisionCache cache = new BotDecisionCache(DETECTOR);
    String previous = "Googlebot";
    for (int i = 0; i < 100_000; i++) {
      // Runs of one agent, as a visitor's consecutive lines have, and fresh string objects each time.
      String agent = random.nextInt(3) == 0 ? previous : randomAgent(random, 50);
      String copy = agent == null ? null : new String(agent.toCharArray());
      assertEquals(DETECTOR.isBot(copy), cache.isBot(copy));
      previous = agent;
    }
  }

  @Test
  void manyDistinctAgents_cacheStaysBounded() {
    BotDecisionCache cache = new BotDecisionCache(DETECTOR);
    for (int i = 0; i < 3 * BotDecisionCache.MAX_ENTRIES + 17; i++) {
      String agent = (i % 2 == 0 ? "bot-" : "browser-") + i;
      assertEquals(i % 2 == 0, cache.isBot(agent));
      assertTrue(cache.size() <= BotDecisionCache.MAX_ENTRIES, "size " + cache.size());
    }
  }

  @Test
  void overlongAgents_areDecidedButNotRemembered() {
    BotDecisionCache cache = new BotDecisionCache(DETECTOR);
    String longBot = "a".repeat(BotDecisionCache.MAX_CACHED_LENGTH) + "bot";
    String longBrowser = "a".repeat(BotDecisionCache.MAX_CACHED_LENGTH + 5);
    assertTrue(cache.isBot(longBot));
    assertEquals(false, cache.isBot(longBrowser));
    assertEquals(0, cache.size());
  }
}
