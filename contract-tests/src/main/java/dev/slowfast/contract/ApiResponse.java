package dev.slowfast.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** One exchange as the suite saw it: what was asked, what came back, and how long it took. */
public record ApiResponse(String method, String target, int status, HttpHeaders headers, String body, Duration elapsed) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request path without its query string. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type without parameters, lower case; empty when there is no Content-Type. */
    public String mediaType() {
        return header("Content-Type")
                .map(value -> value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .orElse("");
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("Body is not JSON: " + describe(), e);
        }
    }

    public String describe() {
        String shown = body.length() > 500 ? body.substring(0, 500) + "..." : body;
        return method + " " + target + " -> " + status + " " + header("Content-Type").orElse("(no content type)")
                + " " + shown;
    }
}
