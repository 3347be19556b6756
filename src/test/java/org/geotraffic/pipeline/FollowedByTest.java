package org.geotraffic.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FollowedByTest {
  @Test
  void theSecondIsMadeOnlyOnceTheFirstIsDone_andFollowsIt() {
    List<String> tallied = new ArrayList<>();
    AtomicInteger made = new AtomicInteger();
    Iterator<String> first = List.of("a", "b").iterator();
    FollowedBy<String> all = new FollowedBy<>(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return first.hasNext();
      }

      @Override
      public String next() {
        String s = first.next();
        tallied.add(s);
        return s;
      }
    }, () -> {
      made.incrementAndGet();
      return List.of("tally of " + String.join("", tallied)).iterator();
    });
    assertEquals("a", all.next());
    assertEquals("b", all.next());
    assertEquals(0, made.get(), "made before the first was done");
    assertEquals("tally of ab", all.next());
    assertFalse(all.hasNext());
    assertFalse(all.hasNext());
    assertEquals(1, made.get());
    assertThrows(NoSuchElementException.class, all::next);
  }

  @Test
  void anEmptyFirst_givesTheSecondOnly() {
    FollowedBy<Integer> all = new FollowedBy<>(List.<Integer>of().iterator(), () -> List.of(7).iterator());
    assertEquals(7, all.next());
    assertFalse(all.hasNext());
  }
}
