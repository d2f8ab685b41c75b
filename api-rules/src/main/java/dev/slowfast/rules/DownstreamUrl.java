package dev.slowfast.rules;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code DOWNSTREAM_URL}: where the "other service" answers, {@code http://host[:port]} with no path,
 * query, fragment or user info (the apps append {@code /delay?ms=N}). Plain HTTP only: the rung
 * measures waiting on another service, not TLS.
 *
 * @param host host name or address
 * @param port port, 80 when absent
 */
public record DownstreamUrl(String host, int port) {

    public static final String DEFAULT = "http://127.0.0.1:8090";

    public static DownstreamUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        String path = uri.getRawPath();
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw invalid(url);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw invalid(url);
        }
        return new DownstreamUrl(uri.getHost(), port);
    }

    /** The base every call starts with, without a trailing slash. */
    public String base() {
        return "http://" + (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The one downstream call: {@code GET /delay?ms=N}. */
    public URI delay(long ms) {
        return URI.create(base() + "/delay?ms=" + ms);
    }

    private static ConfigurationException invalid(String url) {
        return new ConfigurationException("DOWNSTREAM_URL must be an http://host[:port] URL with no path, got '" + url + "'");
    }
}
