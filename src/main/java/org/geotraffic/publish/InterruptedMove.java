package org.geotraffic.publish;

import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * Finishes a move of a file or folder that a kill may have interrupted, on any store.
 *
 * <p>On HDFS and a local disk a move is one atomic rename: it happened or it did not. On an object store (s3a, gs,
 * abfs without a hierarchical namespace) a folder's move copies each object and deletes the originals, so a kill can
 * leave some objects in both places and some in only one. What still holds there is that each object is copied
 * whole before its original is deleted: every file is complete in at least one of the two places, and where it is in
 * both, the copies are the same. So "move what is still in {@code from} to {@code to}, dropping what was copied
 * already" finishes the move from any point it stopped at, and is itself safe to kill and finish again. Run
 * backwards ({@code to} to {@code from}) it undoes the move from any point, which is what a publish's rollback needs.
 */
final class InterruptedMove {
  private InterruptedMove() {}

  /**
   * Makes {@code to} hold everything that was in {@code from} or had been copied to {@code to}, and removes
   * {@code from}; nothing happens when {@code from} does not exist.
   */
  static void finish(FileMoves moves, Path from, Path to) throws IOException {
    if (!moves.exists(from)) {
      return;
    }
    if (!moves.exists(to)) {
      moves.mkdirs(to.getParent());
      moves.move(from, to);
      return;
    }
    if (moves.isFolder(from)) {
      for (String file : moves.filesUnder(from)) {
        Path leftOver = new Path(from, file);
        Path copy = new Path(to, file);
        if (moves.exists(copy)) {
          moves.delete(leftOver);
        } else {
          moves.mkdirs(copy.getParent());
          moves.move(leftOver, copy);
        }
      }
    }
    moves.delete(from);
  }
}
