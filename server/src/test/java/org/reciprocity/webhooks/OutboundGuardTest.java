package org.reciprocity.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF guard without Spring: its range table, URL spellings, and the resolver the HTTP client uses. */
class OutboundGuardTest {

    /** Each range of the table: an address inside, one just outside, and the range that one falls in, if any. */
    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("0.0.0.0/8", "0.255.255.255", "1.0.0.0", null),
                Arguments.of("10.0.0.0/8", "10.255.255.255", "11.0.0.0", null),
                Arguments.of("100.64.0.0/10", "100.127.255.255", "100.128.0.0", null),
                Arguments.of("127.0.0.0/8", "127.0.0.1", "128.0.0.0", null),
                Arguments.of("169.254.0.0/16", "169.254.169.254", "169.255.0.0", null),
                Arguments.of("172.16.0.0/12", "172.31.255.255", "172.32.0.0", null),
                Arguments.of("192.0.0.0/24", "192.0.0.8", "192.0.1.0", null),
                Arguments.of("192.0.2.0/24", "192.0.2.1", "192.0.3.0", null),
                Arguments.of("192.88.99.0/24", "192.88.99.1", "192.88.100.0", null),
                Arguments.of("192.168.0.0/16", "192.168.1.1", "192.169.0.0", null),
                Arguments.of("198.18.0.0/15", "198.19.255.255", "198.20.0.0", null),
                Arguments.of("198.51.100.0/24", "198.51.100.7", "198.51.101.0", null),
                Arguments.of("203.0.113.0/24", "203.0.113.9", "203.0.114.0", null),
                Arguments.of("224.0.0.0/4", "239.255.255.255", "223.255.255.255", null),
                Arguments.of("255.255.255.255/32", "255.255.255.255", "255.255.255.254", "240.0.0.0/4"),
                Arguments.of("240.0.0.0/4", "240.0.0.1", "239.255.255.255", "224.0.0.0/4"),
                Arguments.of("::/128", "::", "::2", "::/96"),
                Arguments.of("::1/128", "::1", "::2", "::/96"),
                Arguments.of("::/96", "::127.0.0.1", "::1:0:0", null),
                Arguments.of("::ffff:0:0/96", "::ffff:8.8.8.8", "::fffe:ffff:ffff", null),
                Arguments.of("64:ff9b::/96", "64:ff9b::8.8.8.8", "64:ff9b::1:0:0", null),
                Arguments.of("64:ff9b:1::/48", "64:ff9b:1::a00:1", "64:ff9b:2::", null),
                Arguments.of("100::/64", "100::1", "100:0:0:1::", null),
                Arguments.of("2001::/32", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:1::", null),
                Arguments.of("2001:10::/28", "2001:1f::1", "2001:f:ffff:ffff:ffff:ffff:ffff:ffff", null),
                Arguments.of("2001:20::/28", "2001:2f:ffff::1", "2001:30::", null),
                Arguments.of("2001:db8::/32", "2001:db8::1", "2001:db9::", null),
                Arguments.of("2002::/16", "2002:c000:204::1", "2003::", null),
                Arguments.of("fc00::/7", "fd12:3456::1", "fe00::", null),
                Arguments.of("fe80::/10", "fe80::1", "fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff", null),
                Arguments.of("fec0::/10", "fec0::1", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fe80::/10"),
                Arguments.of("ff00::/8", "ff02::1", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "fec0::/10"));
    }

    @ParameterizedTest(name = "{0}: {1} inside, {2} outside")
    @MethodSource("ranges")
    void eachRangeHoldsItsAddressesAndNotItsNeighbour(String cidr, String inside, String outside, String outsideRange)
            throws Exception {
        OutboundGuard.Range range = OutboundGuard.NON_PUBLIC.stream().filter(r -> r.cidr().equals(cidr)).findFirst()
                .orElseThrow();
        assertThat(range.contains(OutboundGuard.bytes(inside, InetAddress.getByName(inside)))).isTrue();
        assertThat(range.contains(OutboundGuard.bytes(outside, InetAddress.getByName(outside)))).isFalse();
        assertThat(rangeOf(inside)).as("refused").isPresent();
        assertThat(rangeOf(outside)).as(outsideRange == null ? "public" : "refused as " + outsideRange)
                .isEqualTo(Optional.ofNullable(outsideRange));
    }

    @Test
    void theTableHoldsIpv6RangesAsSixteenBytesAndIpv4OnesAsFour() {
        for (OutboundGuard.Range range : OutboundGuard.NON_PUBLIC) {
            assertThat(range.network()).as(range.cidr()).hasSize(range.cidr().contains(":") ? 16 : 4);
        }
    }

    @Test
    void everyRangeOfTheTableIsTested() {
        assertThat(ranges().map(arguments -> (String) arguments.get()[0]))
                .containsExactlyInAnyOrderElementsOf(OutboundGuard.NON_PUBLIC.stream().map(OutboundGuard.Range::cidr).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(rangeOf(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://[::ffff:127.0.0.1]/x", "https://[::ffff:7f00:1]/x", "https://[0:0:0:0:0:ffff:7f00:1]/x",
            "https://[::FFFF:8.8.8.8]/x", "https://[0000::ffff:0808:0808]/x", "https://[::127.0.0.1]/x", "https://[::1]/x",
            "https://[::]/x", "https://[fe80::1]/x", "https://127.0.0.1/x", "https://0.0.0.0/x", "https://169.254.169.254/x"})
    void everySpellingOfAPrivateOrMappedAddressIsRefused(String url) {
        assertThat(guard(false, InetAddress::getAllByName).refusal(url)).isPresent();
    }

    @Test
    void aSixteenByteMappedAddressIsRefusedLikeItsSpelling() throws Exception {
        for (String v4 : new String[] {"127.0.0.1", "8.8.8.8"}) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(InetAddress.getByName(v4).getAddress(), 0, mapped, 12, 4);
            InetAddress sixteen = Inet6Address.getByAddress(null, mapped, -1);
            assertThat(sixteen.getAddress()).hasSize(16);
            assertThat(OutboundGuard.nonPublicRange("hook.example", sixteen)).map(OutboundGuard.Range::cidr)
                    .contains("::ffff:0:0/96");
            assertThatThrownBy(() -> guard(false, host -> new InetAddress[] {sixteen}).resolve("hook.example"))
                    .isInstanceOf(OutboundGuard.Refused.class).hasMessageContaining("::ffff:0:0/96");
        }
    }

    @Test
    void publicAddressesAndPlainHttpsPass() {
        OutboundGuard guard = guard(false, InetAddress::getAllByName);
        assertThat(guard.refusal("https://8.8.8.8/hook")).isEmpty();
        assertThat(guard.refusal("https://[2606:4700:4700::1111]/hook")).isEmpty();
        assertThat(guard.refusal("http://8.8.8.8/hook")).contains("Use an https:// address.");
        assertThat(guard.refusal("https://user:pw@8.8.8.8/hook")).isPresent();
        assertThat(guard.refusal("https://8.8.8.8/hook#x")).isPresent();
        assertThat(guard.refusal("not a url")).isPresent();
    }

    @Test
    void anAdminMayAllowPrivateTargetsAndPlainHttp() {
        OutboundGuard guard = guard(true, InetAddress::getAllByName);
        assertThat(guard.refusal("http://127.0.0.1:9/hook")).isEmpty();
        assertThat(guard.refusal("https://[::ffff:10.0.0.1]/hook")).isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        OutboundGuard guard = guard(false, host -> {
            throw new UnknownHostException(host);
        });
        assertThat(guard.refusal("https://nowhere.example/hook")).contains("The host nowhere.example does not resolve.");
    }

    // --- DNS pinning ---------------------------------------------------------------------------

    /** A name whose first answer is public and every later one private: what a rebinding attacker serves. */
    static final class Rebinding implements OutboundGuard.NameLookup {
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public InetAddress[] lookup(String host) throws UnknownHostException {
            return addresses(lookups.incrementAndGet() == 1 ? "93.184.215.14" : "127.0.0.1");
        }
    }

    @Test
    void theResolverReturnsTheAnswerItCheckedAndLooksUpOnce() throws Exception {
        Rebinding dns = new Rebinding();
        OutboundGuard guard = guard(false, dns);
        assertThat(guard.resolve("rebind.example")).containsExactly(addresses("93.184.215.14"));
        assertThat(dns.lookups).as("one lookup serves the check and the connection").hasValue(1);
        // the next attempt looks up again, and the private answer is refused before any connection
        assertThatThrownBy(() -> guard.resolve("rebind.example")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("127.0.0.1").hasMessageContaining("loopback");
    }

    @Test
    void oneNonPublicAnswerAmongPublicOnesRefusesTheName() throws Exception {
        OutboundGuard guard = guard(false, host -> addresses("93.184.215.14", "10.0.0.7"));
        assertThatThrownBy(() -> guard.resolve("mixed.example")).isInstanceOf(OutboundGuard.Refused.class)
                .hasMessageContaining("10.0.0.7").hasMessageContaining("10.0.0.0/8");
    }

    @Test
    void theDeliveryClientConnectsToTheAddressTheGuardReturned() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(hosts);
        AtomicInteger lookups = new AtomicInteger();
        // "hook.test" exists only in this lookup: reaching the receiver proves the client used the guard's answer
        OutboundGuard guard = guard(true, host -> {
            lookups.incrementAndGet();
            return addresses(host.equals("hook.test") ? "127.0.0.1" : "192.0.2.1");
        });
        try (CloseableHttpClient client = WebhookDispatcher.httpClient(guard, config())) {
            int status = client.execute(new HttpPost("http://hook.test:" + receiver.getAddress().getPort() + "/hook"),
                    response -> response.getCode());
            assertThat(status).isEqualTo(204);
            assertThat(hosts).containsExactly("hook.test:" + receiver.getAddress().getPort());
            assertThat(lookups).hasValue(1);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theDeliveryClientDoesNotConnectWhereTheGuardRefuses() throws Exception {
        List<String> hosts = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(hosts);
        OutboundGuard guard = guard(false, host -> addresses("127.0.0.1"));
        try (CloseableHttpClient client = WebhookDispatcher.httpClient(guard, config())) {
            HttpPost post = new HttpPost("https://hook.test:" + receiver.getAddress().getPort() + "/hook");
            assertThatThrownBy(() -> client.execute(post, response -> response.getCode()))
                    .isInstanceOf(OutboundGuard.Refused.class).hasMessageContaining("127.0.0.0/8");
            assertThat(hosts).isEmpty();
        } finally {
            receiver.stop(0);
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    static OutboundGuard guard(boolean privateAllowed, OutboundGuard.NameLookup lookup) {
        return new OutboundGuard(() -> privateAllowed, lookup);
    }

    static Optional<String> rangeOf(String literal) throws UnknownHostException {
        return OutboundGuard.nonPublicRange(literal, InetAddress.getByName(literal)).map(OutboundGuard.Range::cidr);
    }

    static InetAddress[] addresses(String... literals) throws UnknownHostException {
        InetAddress[] addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return addresses;
    }

    static WebhookProperties config() {
        return new WebhookProperties(Duration.ofSeconds(30), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 2, 2, Duration.ofMinutes(2));
    }

    /** A local receiver on 127.0.0.1 that notes the Host header of each request and answers 204. */
    static HttpServer receiver(List<String> hosts) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }
}
