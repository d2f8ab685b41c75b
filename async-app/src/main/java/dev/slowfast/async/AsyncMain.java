package dev.slowfast.async;

/** {@code java -jar async-app.jar}: configuration from the environment, runs until stopped. */
public final class AsyncMain {

    private AsyncMain() {
    }

    public static void main(String[] args) {
        // One line per log record instead of java.util.logging's default two (unless set already).
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
        }
        System.Logger log = System.getLogger(AsyncMain.class.getName());

        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("async-app: " + e.getMessage());
            System.exit(2);
            return;
        }
        AsyncApp app = AsyncApp.start(config);
        // SIGTERM (and SIGINT) run the JVM's shutdown hooks; the JVM exits (143 on SIGTERM) when they
        // return. No log line after close(): java.util.logging resets itself in a hook of its own.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.log(System.Logger.Level.INFO, "async-app shutting down, in-flight requests have up to {0} ms",
                    String.valueOf(config.shutdownGraceMs()));
            app.close();
        }, "async-app-shutdown"));
        log.log(System.Logger.Level.INFO, "async-app listening on port {0} with {1} event loops",
                String.valueOf(app.port()), config.eventLoops());
    }
}
