package org.geotraffic.pipeline;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.RecordReader;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;

/**
 * Hadoop's text input, except that a compressed file whose data is damaged (cut short, not compressed at
 * all, corrupt inside) ends its split with one marker record instead of failing the task and the run: key
 * {@link #CORRUPT}, value the {@link CorruptInput} key. The lines before the damage are read as usual. An
 * error reading an uncompressed file (a lost HDFS block, a disk error) still fails the run: that is not
 * bad data but lost data.
 */
public class TolerantTextInputFormat extends TextInputFormat {
  /** The key of the marker record; real keys are byte offsets, never negative. */
  public static final long CORRUPT = -1;

  @Override
  public RecordReader<LongWritable, Text> createRecordReader(InputSplit split, TaskAttemptContext context) {
    return new Reader(super.createRecordReader(split, context));
  }

  /** The delegate's records, then the marker if the compressed data broke. */
  private static final class Reader extends RecordReader<LongWritable, Text> {
    private final RecordReader<LongWritable, Text> delegate;
    private final LongWritable markerKey = new LongWritable(CORRUPT);
    private final Text markerValue = new Text();
    private boolean compressed;
    private CorruptInput failure;
    private boolean finished;
    private boolean atMarker;

    Reader(RecordReader<LongWritable, Text> delegate) {
      this.delegate = delegate;
    }

    @Override
    public void initialize(InputSplit split, TaskAttemptContext context) throws IOException, InterruptedException {
      Path file = ((FileSplit) split).getPath();
      compressed = new CompressionCodecFactory(context.getConfiguration()).getCodec(file) != null;
      try {
        delegate.initialize(split, context);
      } catch (IOException e) {
        fail(e);
      }
    }

    @Override
    public boolean nextKeyValue() throws IOException, InterruptedException {
      if (finished) {
        return false;
      }
      if (failure == null) {
        try {
          if (delegate.nextKeyValue()) {
            return true;
          }
          finished = true;
          return false;
        } catch (IOException e) {
          fail(e);
        }
      }
      finished = true;
      atMarker = true;
      markerValue.set(failure.key());
      return true;
    }

    private void fail(IOException e) throws IOException {
      if (!compressed) {
        throw e;
      }
      failure = CorruptInput.of(e);
    }

    @Override
    public LongWritable getCurrentKey() throws IOException, InterruptedException {
      return atMarker ? markerKey : delegate.getCurrentKey();
    }

    @Override
    public Text getCurrentValue() throws IOException, InterruptedException {
      return atMarker ? markerValue : delegate.getCurrentValue();
    }

    @Override
    public float getProgress() throws IOException, InterruptedException {
      return finished ? 1f : delegate.getProgress();
    }

    @Override
    public void close() throws IOException {
      try {
        delegate.close();
      } catch (IOException e) {
        if (!compressed) {
          throw e;
        }
      }
    }
  }
}
