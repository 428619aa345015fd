package org.reciprocity.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.reciprocity.member.CommunitySettings;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from being turned against the server's own network (SSRF): only HTTPS, and only to
 * addresses on the public internet, unless an admin allowed private targets (then plain HTTP too).
 * Checked when a webhook is registered and again before every delivery, since DNS answers change.
 */
@Component
class OutboundGuard {

    private final CommunitySettings settings;

    OutboundGuard(CommunitySettings settings) {
        this.settings = settings;
    }

    /** Why this address may not be called, or empty when it may. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.of("This is not a valid URL.");
        }
        boolean privateAllowed = settings.allowPrivateWebhookTargets();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(privateAllowed && scheme.equals("http"))) {
            return Optional.of("Use an https:// address.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            return Optional.of("Use a plain https://host/path address, without user name or fragment.");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("The host " + uri.getHost() + " does not resolve.");
        }
        if (!privateAllowed) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    return Optional.of("The host " + uri.getHost() + " is a loopback or private address; webhooks go to"
                            + " the public internet unless an admin allows private targets.");
                }
            }
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
