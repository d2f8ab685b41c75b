package dev.slowfast.loadtest.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place that knows how our result files are written and read. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    public static void write(Path file, Object value) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        MAPPER.writeValue(file.toFile(), value);
    }

    public static <T> T read(Path file, Class<T> type) throws IOException {
        return MAPPER.readValue(file.toFile(), type);
    }

    /** A results.json of this or an earlier version. */
    public static ScalingResults readResults(Path file) throws IOException {
        var tree = MAPPER.readTree(file.toFile());
        if (tree.get("provenance") instanceof ObjectNode provenance) {
            FlatProvenance.group(provenance);
        }
        return MAPPER.treeToValue(tree, ScalingResults.class);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
