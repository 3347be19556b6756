package org.geotraffic.pipeline;

import java.io.Serializable;
import org.geotraffic.parse.LineShape;
import org.geotraffic.parse.RejectReason;

/**
 * One rejected line as it may leave its partition: its reason and its shape ({@link LineShape}: letters and
 * digits masked, so no address or name survives), for the refusal message when too many lines are rejected.
 */
record RejectExample(RejectReason reason, String shape) implements Serializable {}
