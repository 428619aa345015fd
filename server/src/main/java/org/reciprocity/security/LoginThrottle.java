package org.reciprocity.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.reciprocity.web.RateLimiter;
import org.reciprocity.web.TooManyRequests;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins are limited per account (default 25 an hour) and per address (6 a minute), so
 * neither guessing one account's password nor spraying many accounts from one place pays off.
 * Unknown e-mails are counted like known ones, so the limit reveals nothing.
 */
@Component
class LoginThrottle {

    private static final String MESSAGE = "Too many failed sign-in attempts. Wait %s and try again.";

    private final RateLimiter perAccount;
    private final RateLimiter perAddress;

    LoginThrottle(LimitsProperties limits, Clock clock) {
        this.perAccount = new RateLimiter(limits.failedLoginsPerAccountPerHour(), Duration.ofHours(1), clock);
        this.perAddress = new RateLimiter(limits.failedLoginsPerAddressPerMinute(), Duration.ofMinutes(1), clock);
    }

    void checkAllowed(String email, String address) {
        Duration wait = perAccount.retryAfter(key(email)).orElse(Duration.ZERO);
        Duration addressWait = perAddress.retryAfter(address).orElse(Duration.ZERO);
        Duration longest = wait.compareTo(addressWait) >= 0 ? wait : addressWait;
        if (!longest.isZero()) {
            TooManyRequests limit = new TooManyRequests("", longest);
            throw new TooManyRequests(MESSAGE.formatted(limit.waitInWords()), longest);
        }
    }

    void recordFailure(String email, String address) {
        perAccount.record(key(email));
        perAddress.record(address);
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
