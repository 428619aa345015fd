package org.reciprocity.web;

import java.io.IOException;
import org.springframework.util.unit.DataSize;

/** Thrown by a request body stream once more than the limit was read: answered with 413. */
public final class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("The request body is larger than " + DataSize.ofBytes(limit).toKilobytes() + " kB.");
    }
}
