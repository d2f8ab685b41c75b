package dev.slowfast.loadtest.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fatal JVM errors an app's log shows after a run. A JVM out of heap cannot answer its scrapes,
 * so its /metrics say nothing about the point where it failed; its log still does.
 */
final class AppLogErrors {

    static final List<String> FATAL = List.of("OutOfMemoryError", "StackOverflowError", "InternalError");

    private AppLogErrors() {
    }

    /** "OutOfMemoryError in 4 lines", or null when the log has none of {@link #FATAL} (or cannot be read). */
    static String of(Path log) {
        var found = new ArrayList<String>();
        for (String error : FATAL) {
            long lines;
            try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
                lines = all.filter(line -> line.contains(error)).count();
            } catch (IOException | java.io.UncheckedIOException e) {
                return null;
            }
            if (lines > 0) {
                found.add(error + " in " + lines + (lines == 1 ? " line" : " lines"));
            }
        }
        return found.isEmpty() ? null : String.join(", ", found);
    }
}
