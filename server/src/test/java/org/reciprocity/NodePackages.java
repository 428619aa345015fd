package org.reciprocity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools from the npm registry that tests run through node (ical.js, the Redocly CLI): each installed at
 * a pinned version into {@code target/node/<name>} on first use. A machine that cannot install one
 * skips the check with the reason, except under CI=true, where that fails the test.
 */
public final class NodePackages {

    private NodePackages() {
    }

    /** The directory whose node_modules holds {@code name@version}, installing it when it is not there. */
    public static synchronized Path install(String name, String version) throws Exception {
        Path dir = Path.of("target", "node", name.replace('/', '_').replace("@", "")).toAbsolutePath();
        Files.createDirectories(dir);
        if (installed(dir, name, version)) {
            return dir;
        }
        String why;
        try {
            Path log = dir.resolve("npm-install.log");
            // --prefer-offline: an npm cache that has it is enough, so a developer offline can still run it
            Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", dir.toString(), "--no-save",
                    "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline", name + "@" + version))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!npm.waitFor(300, TimeUnit.SECONDS)) {
                npm.destroyForcibly();
                why = "npm install " + name + "@" + version + " took more than 300 s";
            } else {
                why = "npm install " + name + "@" + version + " exited with " + npm.exitValue() + ": " + Files.readString(log);
            }
        } catch (IOException e) {
            why = "npm could not be started (is Node.js installed?): " + e.getMessage();
        }
        if (installed(dir, name, version)) {
            return dir;
        }
        throw unavailable(name + " " + version + " is not in " + dir + " and could not be installed. " + why);
    }

    /** The result of running a node program: its exit code, standard output and standard error. */
    public record Run(int exit, String out, String err) {}

    /** Runs {@code node <arguments>} in {@code dir}, for at most {@code seconds}. */
    public static Run node(Path dir, int seconds, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(dir, "node-", ".out");
        Path err = Files.createTempFile(dir, "node-", ".err");
        try {
            Process node;
            try {
                node = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw unavailable("node could not be started (is Node.js installed?): " + e.getMessage());
            }
            if (!node.waitFor(seconds, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("node " + String.join(" ", arguments) + " did not finish within " + seconds + " s");
            }
            return new Run(node.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Offline a developer's run goes on without the check; CI's must not. */
    public static RuntimeException unavailable(String why) {
        String message = "Not checked: " + why;
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return new IllegalStateException("unreachable");
    }

    private static boolean installed(Path dir, String name, String version) throws IOException {
        Path pkg = dir.resolve("node_modules").resolve(name).resolve("package.json");
        return Files.exists(pkg) && Files.readString(pkg).contains("\"version\": \"" + version + "\"");
    }
}
