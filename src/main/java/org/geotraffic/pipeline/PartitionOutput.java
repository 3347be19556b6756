package org.geotraffic.pipeline;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The lazy output of a reduce-side partition function: rows go in one at a time, each may finish a
 * batch of output (a day's cells), and the end of input finishes the last batch. Memory holds one batch,
 * not the partition.
 */
final class PartitionOutput<I, O> implements Iterator<O> {
  private final Iterator<I> input;
  private final Function<I, List<O>> add;
  private final Supplier<List<O>> finish;
  private Iterator<O> pending = Collections.emptyIterator();
  private boolean done;

  PartitionOutput(Iterator<I> input, Function<I, List<O>> add, Supplier<List<O>> finish) {
    this.input = input;
    this.add = add;
    this.finish = finish;
  }

  @Override
  public boolean hasNext() {
    while (!pending.hasNext() && !done) {
      if (input.hasNext()) {
        List<O> out = add.apply(input.next());
        if (!out.isEmpty()) {
          pending = out.iterator();
        }
      } else {
        done = true;
        pending = finish.get().iterator();
      }
    }
    return pending.hasNext();
  }

  @Override
  public O next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return pending.next();
  }
}
