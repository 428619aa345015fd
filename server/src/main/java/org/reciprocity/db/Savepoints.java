package org.reciprocity.db;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes that a unique constraint may refuse (the second of two concurrent requests). Each runs in a
 * transaction of its own, or in a savepoint when a transaction is already open (an API create with an
 * Idempotency-Key runs whole in one): PostgreSQL aborts a transaction at the first failed statement,
 * and rolling back to the savepoint keeps the enclosing one usable, so the caller can still read what
 * won and answer 409 or the existing object.
 */
@Component
public class Savepoints {

    private final TransactionTemplate nested;

    Savepoints(PlatformTransactionManager transactions) {
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The write's result, or empty when a unique constraint refused it (nothing of it is kept). */
    public <T> Optional<T> unlessDuplicate(Supplier<T> write) {
        try {
            return Optional.ofNullable(nested.execute(status -> write.get()));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }
}
