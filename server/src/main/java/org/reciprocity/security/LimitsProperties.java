package org.reciprocity.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The abuse limits of accounts and sign-in (reciprocity.limits.*). */
@ConfigurationProperties("reciprocity.limits")
public record LimitsProperties(int failedLoginsPerAccountPerHour, int failedLoginsPerAddressPerMinute,
                               int signupsPerHourPerAddress, int tokensPerMember) {
}
