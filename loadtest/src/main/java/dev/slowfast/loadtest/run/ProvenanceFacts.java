package dev.slowfast.loadtest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Facts about the machine and the checkout, each falling back to "unknown" rather than failing a run. */
final class ProvenanceFacts {

    private ProvenanceFacts() {
    }

    static String gitCommit(Path repo) {
        return command(repo, "git", "rev-parse", "HEAD");
    }

    static boolean gitDirty(Path repo) {
        String status = command(repo, "git", "status", "--porcelain");
        return !status.isEmpty() && !"unknown".equals(status);
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
    }

    static String os() {
        String pretty = firstMatch(Path.of("/etc/os-release"), "^PRETTY_NAME=\"?([^\"]*)\"?$");
        return (pretty == null ? System.getProperty("os.name") : pretty)
                + ", kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch");
    }

    static String cpuModel() {
        String model = firstMatch(Path.of("/proc/cpuinfo"), "^model name\\s*:\\s*(.+)$");
        return model == null ? "unknown" : model;
    }

    static long memoryMb() {
        String kb = firstMatch(Path.of("/proc/meminfo"), "^MemTotal:\\s*(\\d+) kB$");
        return kb == null ? -1 : Long.parseLong(kb) / 1024;
    }

    static String gatlingVersion(String classpath) {
        Matcher m = Pattern.compile("gatling-app-([0-9][^/:]*)\\.jar").matcher(classpath == null ? "" : classpath);
        return m.find() ? m.group(1) : "unknown";
    }

    private static String firstMatch(Path file, String regex) {
        Pattern pattern = Pattern.compile(regex);
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = pattern.matcher(line);
                if (m.matches()) {
                    return m.group(1).strip();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String command(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
