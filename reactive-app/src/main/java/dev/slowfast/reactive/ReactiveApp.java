package dev.slowfast.reactive;

import dev.slowfast.reactive.config.AppConfig;
import dev.slowfast.reactive.web.RequestHeadLimits;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * A running reactive-app: start it from a config, ask for its port, close it. {@link #main} is what
 * {@code java -jar reactive-app.jar} runs; tests call {@link #start} with {@code PORT=0}.
 */
public final class ReactiveApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ReactiveApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        start(AppConfig.fromEnvironment(System.getenv()));
    }

    public static ReactiveApp start(AppConfig config) {
        SpringApplication application = new SpringApplication(ReactiveApplication.class);
        application.addInitializers(registering(config));
        application.setDefaultProperties(frameworkSettings(config));
        return new ReactiveApp(application.run());
    }

    /**
     * Boot settings that follow from our config and the contract. Shutdown is graceful by default
     * (server.shutdown=graceful): on SIGTERM Boot's shutdown hook closes the context, the server
     * stops accepting and waits for in-flight requests, for at most this timeout; then the pool
     * and the event loops close and the JVM exits.
     */
    private static Map<String, Object> frameworkSettings(AppConfig config) {
        Map<String, Object> settings = new HashMap<>(RequestHeadLimits.springProperties());
        settings.put("spring.lifecycle.timeout-per-shutdown-phase", config.shutdownGrace().toMillis() + "ms");
        return settings;
    }

    /** The config record is a bean like any other, so components just ask for it. */
    private static ApplicationContextInitializer<GenericApplicationContext> registering(AppConfig config) {
        return context -> context.registerBean(AppConfig.class, () -> config);
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        context.close();
    }
}
