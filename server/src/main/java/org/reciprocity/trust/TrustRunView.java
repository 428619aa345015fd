package org.reciprocity.trust;

import java.time.Instant;

/**
 * A run of the trust computation, as the API and the admin page show it. {@code computedAt} is set once it is
 * done: the moment the favors were read, which the scores it stored describe.
 */
public record TrustRunView(String id, String status, int progress, String reason, Instant startedAt, Instant finishedAt,
                           Instant computedAt, Integer members, Integer pairs, Integer iterations, String failure) {

    static TrustRunView of(TrustRows.Run run) {
        return new TrustRunView(run.publicId(), run.status().name(), run.progress(), run.reason().name(), run.startedAt(),
                run.finishedAt(), run.status() == TrustRows.Status.DONE ? run.startedAt() : null, run.members(),
                run.pairs(), run.iterations(), run.failure());
    }
}
