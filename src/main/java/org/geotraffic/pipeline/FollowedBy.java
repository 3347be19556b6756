package org.geotraffic.pipeline;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * One iterator, then another that is made only once the first is done: a partition's rows, then the line
 * tallies that reading them added up. The second may reuse the first's writer (a record writer): it is not
 * touched while the first still has a row to hand out.
 */
final class FollowedBy<T> implements Iterator<T> {
  private final Iterator<T> first;
  private final Supplier<Iterator<T>> then;
  private Iterator<T> rest;

  FollowedBy(Iterator<T> first, Supplier<Iterator<T>> then) {
    this.first = first;
    this.then = then;
  }

  @Override
  public boolean hasNext() {
    if (rest == null) {
      if (first.hasNext()) {
        return true;
      }
      rest = then.get();
    }
    return rest.hasNext();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return rest == null ? first.next() : rest.next();
  }
}
