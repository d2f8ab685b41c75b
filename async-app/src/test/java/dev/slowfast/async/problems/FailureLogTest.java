package dev.slowfast.async.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.vertx.core.Vertx;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A 500 is logged off the event loop: the loop hands the record over and never waits for the console. */
class FailureLogTest {

    @Test
    void aFailureLoggedFromAnEventLoopIsWrittenOnTheLogThread() throws Exception {
        BlockingQueue<String> writtenOn = new ArrayBlockingQueue<>(1);
        Logger logger = Logger.getLogger(ErrorMapping.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                writtenOn.offer(Thread.currentThread().getName() + " | " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        Vertx vertx = Vertx.vertx();
        try {
            vertx.runOnContext(nothing -> FailureLog.error("Failed GET /boom", new IllegalStateException("boom")));
            String record = writtenOn.poll(10, TimeUnit.SECONDS);
            assertNotNull(record, "the failure was logged");
            assertFalse(record.startsWith("vert.x-eventloop"), "written on an event loop: " + record);
            assertEquals("async-app-log | Failed GET /boom", record);
        } finally {
            logger.removeHandler(capture);
            vertx.close().await();
        }
    }
}
