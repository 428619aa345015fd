package org.reciprocity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.reciprocity.web.TooManyRequests;

/** Password hashing is bounded: when every slot is taken, a check waits briefly and then answers "too many". */
class PasswordsTest {

    @Test
    void aHashWaitsForAFreeSlotThenGivesUp() throws Exception {
        Passwords passwords = new Passwords(1, Duration.ofMillis(50));
        String hash = passwords.hash("a long and careful passphrase");
        passwords.slots.acquire(); // another hash is running
        try {
            assertThatThrownBy(() -> passwords.matches("a long and careful passphrase", hash))
                    .isInstanceOf(TooManyRequests.class)
                    .satisfies(e -> assertThat(((TooManyRequests) e).retryAfterSeconds()).isEqualTo(2));
        } finally {
            passwords.slots.release();
        }
        assertThat(passwords.matches("a long and careful passphrase", hash)).isTrue();
        assertThat(passwords.slots.availablePermits()).isEqualTo(1);
    }
}
