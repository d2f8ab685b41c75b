package dev.slowfast.async;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or, for start-up and shutdown, the test class) during which Vert.x reported a
 * blocked event-loop or worker thread. Registered for every test class of this module through
 * META-INF/services and junit-platform.properties.
 */
public final class FailOnBlockedThread implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        failIfBlocked(context.getDisplayName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failIfBlocked(context.getDisplayName());
    }

    private static void failIfBlocked(String where) {
        List<String> reports = BlockedThreads.drain();
        if (!reports.isEmpty()) {
            // The checker reports an ongoing block at every check, so the first reports tell the story.
            throw new AssertionError("Vert.x reported a blocked thread " + reports.size() + " time(s) during " + where
                    + "; nothing may block an event loop:\n" + String.join("\n", reports.subList(0, Math.min(3, reports.size()))));
        }
    }
}
