package dev.slowfast.reactive;

import dev.slowfast.reactive.config.AppConfig;
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
        return new ReactiveApp(application.run());
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
