package org.geotraffic.pipeline;

import java.io.Serializable;

/**
 * What reading one input split found, for the run summary and the console's warnings: the file (the
 * operator's path, never data), how many of its lines were read and rejected, and whether its compressed
 * data broke off (null when it did not).
 */
public record InputFileTally(String path, long lines, long rejected, CorruptInput corrupt) implements Serializable {}
