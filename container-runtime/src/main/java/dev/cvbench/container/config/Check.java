package dev.cvbench.container.config;

import dev.cvbench.container.spec.Spec;

/** One small validation rule over a config.json; it reports each bad field with its JSON path. */
@FunctionalInterface
interface Check {
    void check(Spec spec, CheckContext ctx, Problems problems);
}
