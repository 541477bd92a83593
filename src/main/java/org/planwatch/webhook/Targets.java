package org.planwatch.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.planwatch.common.config.PlanwatchConfig;

/**
 * Where messages may go: https only, and never to an address of the service's own networks (loopback, private,
 * link-local, unique-local, multicast, unspecified, shared address space), so that a subscription cannot make the
 * service call what only it can reach. Checked when a subscription is written, and again on the resolved addresses
 * just before each attempt (a name may have been pointed elsewhere since: DNS rebinding). The JVM keeps each name's
 * answer for 30 s, so the connection that follows the check uses the addresses checked. With
 * {@code planwatch.webhooks.allow-private-targets=true} (local development, tests), http and every address are allowed.
 */
@ApplicationScoped
public class Targets {

    @Inject
    PlanwatchConfig config;

    /** What is wrong with this URL as a receiver's address; empty when messages may go there. */
    List<String> problems(String url) {
        List<String> problems = new ArrayList<>();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return List.of("is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPrivate() && scheme.equals("http"))) {
            problems.add(allowPrivate() ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            problems.add("must name a host");
            return problems;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            problems.add("must not contain a fragment (#...)");
        }
        String refused = refusal(uri.getHost());
        if (refused != null) {
            problems.add(refused);
        }
        return problems;
    }

    /**
     * Why messages may not go to this host now (one of its addresses is not public), or null. A name that does not
     * resolve is not refused here: the attempt to send will fail, and be retried.
     */
    String refusal(String host) {
        if (allowPrivate()) {
            return null;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return "must not point to a loopback, private, link-local or unique-local address ("
                        + address.getHostAddress() + ")";
            }
        }
        return null;
    }

    private boolean allowPrivate() {
        return config.webhooks().allowPrivateTargets();
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || address.isLinkLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7, unique local
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first != 0 // 0.0.0.0/8, "this network"
                && !(first == 100 && second >= 64 && second < 128) // 100.64.0.0/10, shared address space
                && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24, protocol assignments
                && first < 240; // 240.0.0.0/4, reserved, and the broadcast address
    }
}
