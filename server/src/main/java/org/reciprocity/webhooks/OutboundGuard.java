package org.reciprocity.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.hc.client5.http.DnsResolver;
import org.reciprocity.member.CommunitySettingRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from being turned against the server's own network (SSRF): only HTTPS, and only to
 * addresses on the public internet, unless an admin allowed private targets (then plain HTTP too).
 * Checked when a webhook is registered, and at every delivery attempt by the HTTP client itself: this is
 * its {@link DnsResolver}, so the answer that was checked is the one connected to, and a name whose
 * answer changes between the check and the connection (DNS rebinding) cannot slip through.
 */
@Component
class OutboundGuard implements DnsResolver {

    /** Resolves a host name to its addresses: the system resolver, or a stand-in in tests. */
    @FunctionalInterface
    interface NameLookup {
        InetAddress[] lookup(String host) throws UnknownHostException;
    }

    /** Thrown by {@link #resolve} for a non-public address: the connection never starts. */
    static final class Refused extends UnknownHostException {
        Refused(String reason) {
            super(reason);
        }
    }

    /** A block of addresses, {@code bits} leading bits of {@code network}, that is not the public internet. */
    record Range(String cidr, String name, byte[] network, int bits) {

        static Range parse(String cidr, String name) {
            String[] parts = cidr.split("/");
            return new Range(cidr, name, bytes(parts[0], literal(parts[0])), Integer.parseInt(parts[1]));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static InetAddress literal(String address) {
            try {
                return InetAddress.getByName(address); // a literal: parsed, never looked up
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(address, e);
            }
        }
    }

    /**
     * Every address that is not the public internet (IANA's special-purpose registries). IPv6 ranges that
     * embed an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) are refused whole: they could reach
     * any IPv4 address, private ones included.
     */
    static final List<Range> NON_PUBLIC = table("""
            0.0.0.0/8           this network
            10.0.0.0/8          private network
            100.64.0.0/10       carrier-grade NAT
            127.0.0.0/8         loopback
            169.254.0.0/16      link-local
            172.16.0.0/12       private network
            192.0.0.0/24        IETF protocol assignment
            192.0.2.0/24        documentation (TEST-NET-1)
            192.88.99.0/24      6to4 relay anycast
            192.168.0.0/16      private network
            198.18.0.0/15       benchmarking
            198.51.100.0/24     documentation (TEST-NET-2)
            203.0.113.0/24      documentation (TEST-NET-3)
            224.0.0.0/4         multicast
            255.255.255.255/32  broadcast
            240.0.0.0/4         reserved
            ::/128              unspecified
            ::1/128             loopback
            ::/96               IPv4-compatible
            ::ffff:0:0/96       IPv4-mapped
            64:ff9b::/96        NAT64
            64:ff9b:1::/48      local NAT64
            100::/64            discard-only
            2001::/32           Teredo
            2001:10::/28        ORCHID
            2001:20::/28        ORCHIDv2
            2001:db8::/32       documentation
            2002::/16           6to4
            fc00::/7            unique local
            fe80::/10           link-local
            fec0::/10           site-local
            ff00::/8            multicast
            """);

    private final BooleanSupplier privateAllowed;
    private final NameLookup lookup;

    @Autowired
    OutboundGuard(CommunitySettingRows settings) {
        this(settings::allowPrivateWebhookTargets, InetAddress::getAllByName);
    }

    OutboundGuard(BooleanSupplier privateAllowed, NameLookup lookup) {
        this.privateAllowed = privateAllowed;
        this.lookup = lookup;
    }

    /** Why this address may not be registered, or empty when it may: its form, then what its host resolves to. */
    Optional<String> refusal(String url) {
        Optional<String> form = formRefusal(url);
        if (form.isPresent()) {
            return form;
        }
        String host = URI.create(url.strip()).getHost();
        try {
            resolve(host);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + host + " does not resolve.");
        }
    }

    /** Why this address may not be called, judged by its form alone (no DNS): scheme, host, no user name. */
    Optional<String> formRefusal(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("This is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && privateAllowed.getAsBoolean())) {
            return Optional.of("Use an https:// address.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("Use a plain https://host/path address, without user name or fragment.");
        }
        return Optional.empty();
    }

    /**
     * Resolves {@code host} once and returns exactly the addresses it checked; refuses with {@link Refused}
     * when any of them is not public, unless an admin allowed private targets.
     */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup.lookup(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException(host);
        }
        if (!privateAllowed.getAsBoolean()) {
            for (InetAddress address : addresses) {
                Optional<Range> range = nonPublicRange(host, address);
                if (range.isPresent()) {
                    throw new Refused("The host " + host + " is " + address.getHostAddress() + ", in " + range.get().cidr()
                            + " (" + range.get().name() + "), not the public internet; webhooks go to public addresses"
                            + " unless an admin allows private targets.");
                }
            }
        }
        return addresses.clone();
    }

    /** Only for authentication schemes (SPNEGO) this client does not use: the name as given, no extra lookup. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** The non-public range {@code address}, the answer for {@code host}, falls in, if any. */
    static Optional<Range> nonPublicRange(String host, InetAddress address) {
        byte[] bytes = bytes(host, address);
        return NON_PUBLIC.stream().filter(range -> range.contains(bytes)).findFirst();
    }

    /**
     * The address as the table reads it. Java turns an IPv4-mapped IPv6 literal ({@code ::ffff:a.b.c.d},
     * any spelling) into an IPv4 address; an IPv6 host that came back as IPv4 is put back into its 16-byte
     * mapped form, so it is refused as mapped rather than judged as the IPv4 address inside.
     */
    static byte[] bytes(String host, InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4 && host != null && host.indexOf(':') >= 0) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(b, 0, mapped, 12, 4);
            return mapped;
        }
        return b;
    }

    private static List<Range> table(String lines) {
        return lines.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> {
            String[] parts = line.split("\\s+", 2);
            return Range.parse(parts[0], parts[1]);
        }).toList();
    }
}
