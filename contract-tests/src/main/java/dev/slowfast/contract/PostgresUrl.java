package dev.slowfast.contract;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A {@code postgresql://user:password@host:port/db} URL: the form every app reads from DATABASE_URL. */
record PostgresUrl(String user, String password, String host, int port, String database) {

    static PostgresUrl parse(String url) {
        URI uri = URI.create(url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Expected postgresql://user:password@host:port/db, got " + url);
        }
        String user = "postgres";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : "";
        }
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
        return new PostgresUrl(user, password, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database);
    }

    PostgresUrl withDatabase(String otherDatabase) {
        return new PostgresUrl(user, password, host, port, otherDatabase);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Properties jdbcProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "5");
        return properties;
    }

    @Override
    public String toString() {
        String credentials = encode(user) + (password.isEmpty() ? "" : ":" + encode(password));
        return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
    }

    /** For messages: the URL without its password. */
    String redacted() {
        return "postgresql://" + user + (password.isEmpty() ? "" : ":***") + "@" + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
