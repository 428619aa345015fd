package org.reciprocity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reciprocity.IntegrationTest;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Sign-in throttling that slows guessing without locking the owner out, and forwarded headers believed
 * only from the proxy the operator listed (the test context trusts 127.0.0.2, and calls from 127.0.0.1).
 */
class SignInThrottleIntegrationTest extends IntegrationTest {

    /** The back-offs these tests start must not slow the tests that come after them. */
    @org.junit.jupiter.api.AfterEach
    void letTheBackOffsRunOut() {
        clock.advance(Duration.ofMinutes(16));
    }

    /** Asks for a token with HTTP Basic over a raw socket from {@code local}; returns the status code. */
    int tokenRequest(String local, String email, String password, String forwardedFor) throws Exception {
        String body = "{\"name\":\"probe\"}";
        String request = "POST /api/v1/tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic(email, password)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            String status = answer.toString(StandardCharsets.UTF_8).substring(9, 12);
            return Integer.parseInt(status);
        }
    }

    @Test
    void forwardedForFromAnUntrustedPeerDoesNotEscapeTheAddressLimit() throws Exception {
        Account ana = newAccount("Ana Spoof");
        clock.advance(Duration.ofDays(2)); // fresh counters for the loopback address of earlier tests
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            // each try claims another client address; 127.0.0.1 is no trusted proxy, so all count as 127.0.0.1
            if (tokenRequest("127.0.0.1", ana.email(), "wrong password " + i, "203.0.113." + i) == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isGreaterThan(0);
    }

    @Test
    void forwardedForFromTheTrustedProxyIsTheClientAddress() throws Exception {
        Account ben = newAccount("Ben Proxy");
        clock.advance(Duration.ofDays(2));
        // behind the proxy, the failures of one client do not slow another client of the same proxy
        for (int i = 0; i < 7; i++) {
            tokenRequest("127.0.0.2", "nobody-" + i + "@example.org", "wrong", "198.51.100.7");
        }
        assertThat(tokenRequest("127.0.0.2", "nobody-x@example.org", "wrong", "198.51.100.7")).isEqualTo(429);
        assertThat(tokenRequest("127.0.0.2", ben.email(), PASSWORD, "198.51.100.8")).isEqualTo(201);
        // a client cannot prepend an address of its choosing: the proxy's own hop is what counts
        assertThat(tokenRequest("127.0.0.2", "nobody-y@example.org", "wrong", "192.0.2.1, 198.51.100.7")).isEqualTo(429);
    }

    @Test
    void parallelWrongPasswordsAreCountedBeforeTheirHashRuns() throws Exception {
        Account cy = newAccount("Cy Parallel");
        clock.advance(Duration.ofDays(2));
        List<Integer> statuses = concurrently(20, i -> MockMvcRequestBuilders.post("/api/v1/tokens").with(fromNewAddress())
                .header("Authorization", basic(cy.email(), "wrong " + i)).contentType("application/json").content("{}"));
        // five failures are free, the sixth starts a one-second wait: the rest are refused without hashing
        assertThat(Collections.frequency(statuses, 401)).isLessThanOrEqualTo(6);
        assertThat(statuses).isSubsetOf(401, 429);
    }

    @Test
    void theBackOffGrowsAndNeverLocksTheOwnerOutForAnHour() throws Exception {
        Account dee = newAccount("Dee Owner");
        clock.advance(Duration.ofDays(2));
        // the owner signs in once from her usual address
        assertThat(tokenRequest("127.0.0.2", dee.email(), PASSWORD, "198.51.100.20")).isEqualTo(201);
        // a stranger guesses from many addresses
        int refused = 0;
        for (int i = 0; i < 40; i++) {
            int status = tokenRequest("127.0.0.2", dee.email(), "guess " + i, "192.0.2." + (i + 1));
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).as("the account's back-off stops most guesses").isGreaterThan(25);
        // the owner, from her usual address, is not kept out by the stranger
        assertThat(tokenRequest("127.0.0.2", dee.email(), PASSWORD, "198.51.100.20")).isEqualTo(201);
        // from a new address she waits at most the longest back-off, never an hour
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(tokenRequest("127.0.0.2", dee.email(), PASSWORD, "198.51.100.99")).isEqualTo(201);
    }
}
