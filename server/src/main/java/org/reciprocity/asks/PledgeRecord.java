package org.reciprocity.asks;

import org.reciprocity.core.trust.Signals;

/** A member's pledges kept (fulfilled) and lapsed (left open past their due date): the reliability signal (T2). */
public record PledgeRecord(int kept, int lapsed) {

    public static final PledgeRecord NONE = new PledgeRecord(0, 0);

    /** The pledges that ended one way or the other; withdrawn and open ones are neither kept nor lapsed. */
    public int ended() {
        return kept + lapsed;
    }

    /** {@link Signals#reliability}: (kept + 1) / (kept + lapsed + 2). */
    public double reliability() {
        return Signals.reliability(kept, lapsed);
    }
}
