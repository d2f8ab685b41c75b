package dev.slowfast.rules;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A {@code postgresql://user:password@host:port/db?params} URL (libpq's form, the one every slowfast
 * app and test reads), split into parts each driver can use. The password never appears in
 * {@link #toString()} or in an error message.
 *
 * @param host     host name or address
 * @param port     port, 5432 when absent
 * @param database database name, decoded
 * @param user     user name, decoded, or null
 * @param password password, decoded, or null
 * @param query    the raw query string without '?', or empty
 */
public record DatabaseUrl(String host, int port, String database, String user, String password, String query) {

    public static final int DEFAULT_PORT = 5432;
    private static final Pattern PASSWORD = Pattern.compile("://([^:/@]*):[^@/]*@");

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
        if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2
                || uri.getRawPath().indexOf('/', 1) >= 0) {
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
        return new DatabaseUrl(uri.getHost(), port, decode(uri.getRawPath().substring(1)), user, password,
                uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    /** The same database under another name (tests create one database per test class). */
    public DatabaseUrl withDatabase(String name) {
        return new DatabaseUrl(host, port, name, user, password, query);
    }

    /** The libpq URL again, password included: for handing to a child process, never for printing. */
    public String url() {
        String credentials = user == null ? "" : encode(user) + (password == null ? "" : ":" + encode(password)) + "@";
        return "postgresql://" + credentials + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    /** pgjdbc's form; credentials go separately. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    /** R2DBC's form; credentials go separately. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + encode(database) + (query.isEmpty() ? "" : "?" + query);
    }

    /** Any libpq URL with its password replaced by {@code ***}: safe to print even when it does not parse. */
    public static String redact(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll("://$1:***@");
    }

    /** Percent-decoding as in URIs: unlike form encoding, '+' is a plain plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ConfigurationException invalid(String url) {
        return new ConfigurationException("DATABASE_URL must look like postgresql://user:password@host:port/db, got '"
                + redact(url) + "'");
    }

    @Override
    public String toString() {
        return "postgresql://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@")
                + host + ":" + port + "/" + database + (query.isEmpty() ? "" : "?" + query);
    }
}
