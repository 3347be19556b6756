package org.geotraffic.parse;

import java.util.HashMap;

/**
 * {@link BotDetector}'s decisions, remembered per user agent for one partition. User agents repeat heavily (a few
 * hundred distinct ones in a million lines, and consecutive lines mostly share one), while a decision lowercases
 * the agent and searches it for every pattern. The decision depends on the string only, so remembering it cannot
 * change an answer.
 *
 * <p>Bounded: at most {@link #MAX_ENTRIES} agents of at most {@link #MAX_CACHED_LENGTH} characters (longer ones are
 * decided each time), and the map is emptied when full. User agents are personal data: they stay in this object's
 * memory, which lives as long as the partition's task, and are never logged. Not thread-safe: one per partition.
 */
public final class BotDecisionCache {
  static final int MAX_ENTRIES = 4096;
  static final int MAX_CACHED_LENGTH = 512;

  private final BotDetector detector;
  private final HashMap<String, Boolean> decisions = new HashMap<>();
  /** The last agent and its decision: consecutive lines are usually one visitor's, with one agent. */
  private String lastAgent;
  private boolean lastDecision;

  public BotDecisionCache(BotDetector detector) {
    this.detector = detector;
  }

  /** Same as {@link BotDetector#isBot}. */
  public boolean isBot(String userAgent) {
    if (userAgent == null || userAgent.length() > MAX_CACHED_LENGTH) {
      return detector.isBot(userAgent);
    }
    if (userAgent.equals(lastAgent)) {
      return lastDecision;
    }
    Boolean known = decisions.get(userAgent);
    boolean bot;
    if (known != null) {
      bot = known;
    } else {
      bot = detector.isBot(userAgent);
      if (decisions.size() >= MAX_ENTRIES) {
        decisions.clear();
      }
      decisions.put(userAgent, bot);
    }
    lastAgent = userAgent;
    lastDecision = bot;
    return bot;
  }

  /** How many agents are remembered; for tests. */
  int size() {
    return decisions.size();
  }
}
