package dev.slowfast.loadtest.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Reads results.json files written while the provenance was one flat object (docs/results/results.json
 * is one): moves each field into its group of {@link Provenance}.
 */
final class FlatProvenance {

    private static final Map<String, List<String>> GROUPS = Map.of(
            "timing", List.of("startedAt", "finishedAt", "durationSeconds"),
            "machine", List.of("os", "cores", "cpuModel", "memoryMb", "cpuPinning", "openFiles"),
            "jvms", List.of("jdk", "appJvmOptions", "gatlingVersion", "gatlingJvmOptions"),
            "settings", List.of("workloads", "levels", "stepSeconds", "rampSeconds", "settleMsByWorkload",
                    "delayMs", "dbDelayMs", "warmupSeconds", "dbPoolSize"));

    private FlatProvenance() {
    }

    static void group(ObjectNode provenance) {
        if (!provenance.has("gitCommit")) {
            return;
        }
        GROUPS.forEach((group, fields) -> {
            ObjectNode node = provenance.putObject(group);
            fields.forEach(field -> node.set(field, provenance.remove(field)));
        });
        ObjectNode git = provenance.putObject("git");
        git.set("commit", provenance.remove("gitCommit"));
        git.set("workingTreeDirty", provenance.remove("gitWorkingTreeDirty"));
    }
}
