package dev.slowfast.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails a test class if BlockHound saw any blocking call on a non-blocking thread while it ran. */
class NoBlockingCalls implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        assertEquals(List.of(), BlockHoundSettings.all(), "blocking calls on non-blocking threads");
    }
}
