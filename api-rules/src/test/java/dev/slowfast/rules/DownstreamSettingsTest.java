package dev.slowfast.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DownstreamSettingsTest {

    @Test
    void defaultsAreTheContracts() {
        var settings = ServerSettings.read(new Environment(Map.of()), 8081).downstream();
        assertEquals(new DownstreamUrl("127.0.0.1", 8090), settings.url());
        assertEquals(100, settings.poolSize());
        assertEquals(Duration.ofSeconds(5), settings.timeout());
    }

    @Test
    void theCallGoesToDelayOnTheConfiguredHostAndPort() {
        assertEquals(URI.create("http://downstream.internal:9000/delay?ms=250"),
                DownstreamUrl.parse("http://downstream.internal:9000/").delay(250));
        assertEquals(URI.create("http://[::1]:80/delay?ms=0"), DownstreamUrl.parse("http://[::1]").delay(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://h:1", "h:8090", "http://h:8090/api", "http://h:8090?x=1", "http://u:p@h:8090",
            "http://h:0", "http://:8090", "not a url"})
    void anythingButPlainHttpHostAndPortIsRefusedByName(String url) {
        var e = assertThrows(ConfigurationException.class,
                () -> ServerSettings.read(new Environment(Map.of("DOWNSTREAM_URL", url)), 8081));
        assertTrue(e.getMessage().startsWith("DOWNSTREAM_URL must be an http://host[:port] URL"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"DOWNSTREAM_POOL_SIZE,0", "DOWNSTREAM_POOL_SIZE,10001", "DOWNSTREAM_TIMEOUT_MS,0",
            "DOWNSTREAM_TIMEOUT_MS,3600001", "DOWNSTREAM_TIMEOUT_MS,5s"})
    void outOfBoundsOrNotAnIntegerNamesTheVariable(String name, String value) {
        var e = assertThrows(ConfigurationException.class,
                () -> ServerSettings.read(new Environment(Map.of(name, value)), 8081));
        assertTrue(e.getMessage().startsWith(name + " must be an integer from "), e.getMessage());
    }
}
