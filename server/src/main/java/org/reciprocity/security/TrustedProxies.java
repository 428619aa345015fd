package org.reciprocity.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed only from the reverse proxies the
 * operator lists in {@code RECIPROCITY_TRUSTED_PROXIES} (addresses or CIDR ranges, comma-separated;
 * none by default). From anyone else they are ignored, so a client cannot pick its own address and
 * slip past per-address limits. The client is the right-most address in the header that is not one
 * of the trusted proxies. Runs in Tomcat before anything else reads the address or the scheme (the
 * session cookie's Secure flag follows the scheme).
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> trustedProxiesValve(
            @Value("${reciprocity.trusted-proxies:}") String configured) {
        List<IpAddressMatcher> proxies = parse(configured);
        return factory -> factory.addEngineValves(new ForwardedHeaders(proxies));
    }

    static List<IpAddressMatcher> parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return List.of();
        }
        return Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(entry -> {
            if (!isAddressLiteral(entry.replaceFirst("/\\d+$", ""))) {
                throw new IllegalStateException("RECIPROCITY_TRUSTED_PROXIES: '" + entry
                        + "' is not an IP address or CIDR range such as 10.0.0.5 or 10.0.0.0/24.");
            }
            return new IpAddressMatcher(entry);
        }).toList();
    }

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    /** A literal address only: matching a host name would look it up in DNS for every request. */
    static boolean isAddressLiteral(String s) {
        if (IPV4.matcher(s).matches()) {
            return Arrays.stream(s.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
        }
        return s.contains(":") && IPV6.matcher(s).matches();
    }

    static final class ForwardedHeaders extends ValveBase {

        private final List<IpAddressMatcher> proxies;

        ForwardedHeaders(List<IpAddressMatcher> proxies) {
            super(true);
            this.proxies = proxies;
        }

        private boolean trusted(String address) {
            return address != null && isAddressLiteral(address) && proxies.stream().anyMatch(p -> p.matches(address));
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (proxies.isEmpty() || !trusted(request.getRemoteAddr())) {
                getNext().invoke(request, response);
                return;
            }
            String client = request.getRemoteAddr();
            String forwardedFor = request.getHeader("X-Forwarded-For");
            if (forwardedFor != null) {
                String[] hops = forwardedFor.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].strip();
                    if (!isAddressLiteral(hop)) {
                        break;
                    }
                    client = hop;
                    if (!trusted(hop)) {
                        break;
                    }
                }
            }
            String remoteAddr = request.getRemoteAddr();
            String remoteHost = request.getRemoteHost();
            boolean secure = request.isSecure();
            String scheme = request.getScheme();
            int port = request.getServerPort();
            request.setRemoteAddr(client);
            request.setRemoteHost(client);
            String proto = request.getHeader("X-Forwarded-Proto");
            if ("https".equalsIgnoreCase(proto == null ? null : proto.strip())) {
                request.setSecure(true);
                request.getCoyoteRequest().scheme().setString("https");
                request.setServerPort(443);
            }
            try {
                getNext().invoke(request, response);
            } finally {
                request.setRemoteAddr(remoteAddr);
                request.setRemoteHost(remoteHost);
                request.setSecure(secure);
                request.getCoyoteRequest().scheme().setString(scheme);
                request.setServerPort(port);
            }
        }
    }
}
