package dev.slowfast.reactive.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where PostgreSQL is, parsed from the {@code postgresql://user:password@host:port/db} form
 * (also {@code postgres://}). User and password may be percent-encoded; both are optional.
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(url, e.getReason());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid(url, "the scheme must be postgresql:// or postgres://");
        }
        if (uri.getHost() == null) {
            throw invalid(url, "it names no host");
        }
        String host = uri.getHost().replaceAll("^\\[|]$", ""); // IPv6 literals come bracketed
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        String database = path.isEmpty() ? "postgres" : decode(path);

        String user = "postgres";
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(host, port, database, user, password);
    }

    /** Percent-decoding as in URIs: unlike form encoding, '+' stays a plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url, String why) {
        return new IllegalArgumentException(
                "DATABASE_URL must look like postgresql://user:password@host:port/db, but " + why);
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "postgresql://" + user + (password == null ? "" : ":***") + "@" + host + ":" + port + "/" + database;
    }
}
