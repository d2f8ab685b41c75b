package dev.slowfast.blocking;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A {@code postgresql://user:password@host:port/db} URL (the libpq form every slowfast app reads),
 * split into what JDBC wants: a {@code jdbc:postgresql:} URL plus separate credentials.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    private static final int DEFAULT_PORT = 5432;

    public static DatabaseUrl parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw invalid(url);
        }
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw invalid(url);
        }

        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            // Split before decoding: an encoded ':' (%3A) belongs to the password.
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length == 2 ? decode(parts[1]) : null;
        }

        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        // The database name stays percent-encoded: pgjdbc decodes it itself.
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseUrl(jdbcUrl, user, password);
    }

    /** Percent-decoding as in URIs: unlike form encoding, '+' is a plain plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("DATABASE_URL must look like postgresql://user:password@host:port/db, got '"
                + redact(url) + "'");
    }

    /** Never print a password, not even in an error message. */
    private static String redact(String url) {
        return url.replaceAll("://([^:/@]*):[^@/]*@", "://$1:***@");
    }

    @Override
    public String toString() {
        return "DatabaseUrl[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password == null ? null : "***") + "]";
    }
}
