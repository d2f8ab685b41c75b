package dev.slowfast.reactive;

import dev.slowfast.reactive.downstream.DownstreamConnections;
import dev.slowfast.reactive.netty.GracefulShutdown;
import dev.slowfast.reactive.netty.NettyServer;
import dev.slowfast.reactive.problems.ProblemResponses;
import dev.slowfast.rules.ConfigurationException;
import dev.slowfast.rules.DownstreamSettings;
import dev.slowfast.rules.Environment;
import dev.slowfast.rules.RequestLimits;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;

/**
 * The slowfast API on Spring Boot WebFlux (Reactor Netty) and R2DBC. {@link #main} is what
 * {@code java -jar reactive-app.jar} runs; tests call {@link #start} with {@code PORT=0}. On SIGTERM
 * Boot's shutdown hook closes the context (a graceful drain) and the JVM exits with 143.
 */
public final class ReactiveApp implements AutoCloseable {

    /**
     * The contract's size limits, the kernel's {@link RequestLimits}, under the names of
     * application.properties' {@code ${MAX_*}} placeholders, so Boot's server and codec settings
     * cannot drift from what the other two apps enforce.
     */
    private static final Map<String, Object> REQUEST_LIMITS = Map.of(
            // Netty limits the whole request line: the longest routed method, the target and the version.
            "MAX_REQUEST_LINE_BYTES", "DELETE ".length() + RequestLimits.MAX_TARGET_BYTES + " HTTP/1.1".length(),
            "MAX_HEADER_BYTES", RequestLimits.MAX_HEADER_BYTES,
            "MAX_BODY_BYTES", RequestLimits.MAX_BODY_BYTES);

    private final ConfigurableApplicationContext context;

    private ReactiveApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.from(Environment.system());
        } catch (ConfigurationException e) {
            System.err.println("reactive-app: invalid configuration: " + e.getMessage());
            System.exit(ConfigurationException.EXIT_STATUS);
            return;
        }
        start(config);
    }

    /**
     * Runs Boot with the values {@code config} accepted and the contract's size limits placed in front
     * of every other property source (the OS environment included), so the placeholders in
     * application.properties resolve to exactly those: Boot never sees a value the kernel refused,
     * nor a default of its own.
     */
    public static ReactiveApp start(Config config) {
        SpringApplication application = new SpringApplication(Application.class);
        application.addInitializers(context -> {
            var sources = context.getEnvironment().getPropertySources();
            sources.addFirst(new MapPropertySource("requestLimits", REQUEST_LIMITS));
            sources.addFirst(new MapPropertySource("config", config.properties()));
            context.getBeanFactory().registerSingleton("config", config);
        });
        return new ReactiveApp(application.run());
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * Auto-configuration, the components found by scanning, and what needs the configuration: the server
     * edge built with its limits, and the downstream settings and pool.
     */
    @SpringBootApplication(proxyBeanMethods = false) // no CGLIB proxy: nothing here calls a @Bean method
    static class Application {

        @Bean
        NettyServer nettyServer(Config config, ProblemResponses problems, MeterRegistry registry) {
            return new NettyServer(config.server().headerTimeout(), config.server().maxInFlight(), problems, registry);
        }

        @Bean
        GracefulShutdown gracefulShutdown(ApplicationAvailability availability) {
            return new GracefulShutdown(availability);
        }

        @Bean
        DownstreamSettings downstreamSettings(Config config) {
            return config.server().downstream();
        }

        /** Customizes Boot's ClientHttpConnector, the one WebClient.Builder's connector. */
        @Bean
        DownstreamConnections downstreamConnections(Config config) {
            return new DownstreamConnections(config.server().downstream(), config.server().maxInFlight());
        }
    }
}
