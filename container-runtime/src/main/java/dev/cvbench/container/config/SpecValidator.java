package dev.cvbench.container.config;

import dev.cvbench.container.InvalidConfigException.ConfigError;
import dev.cvbench.container.spec.Spec;
import java.util.List;

/**
 * Validates a config.json as a list of small, independent checks; all problems are collected so
 * a user fixes them in one go. Each is reported by its JSON path.
 */
public final class SpecValidator {
    static final List<Check> CHECKS = List.of(
            ProcessChecks::ociVersion, ProcessChecks::process, ProcessChecks::args, ProcessChecks::cwd,
            ProcessChecks::terminal, ProcessChecks::env, ProcessChecks::user, ProcessChecks::rlimits,
            ProcessChecks::capabilities, FilesystemChecks::root, FilesystemChecks::hostname, FilesystemChecks::mounts,
            FilesystemChecks::pathLists, LinuxChecks::namespaces, LinuxChecks::resources, LinuxChecks::cgroupsPath);

    private SpecValidator() {}

    public static List<ConfigError> validate(Spec spec, CheckContext ctx) {
        Problems problems = new Problems();
        for (Check c : CHECKS) {
            c.check(spec, ctx, problems);
        }
        return problems.list();
    }
}
