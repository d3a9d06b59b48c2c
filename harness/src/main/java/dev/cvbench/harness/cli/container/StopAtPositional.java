package dev.cvbench.harness.cli.container;

import picocli.CommandLine;

/** Everything after the first positional argument belongs to the container's command ({@code run IMAGE sh -c ...}). */
final class StopAtPositional implements CommandLine.IModelTransformer {
    @Override
    public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec spec) {
        spec.parser().stopAtPositional(true);
        return spec;
    }
}
