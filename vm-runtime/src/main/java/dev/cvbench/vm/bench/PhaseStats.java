package dev.cvbench.vm.bench;

import dev.cvbench.core.sandbox.PhaseMark;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Percentiles and the side-by-side phase table of {@link BootBenchmark} (also used by the harness's boot benchmarks). */
public final class PhaseStats {
    private PhaseStats() {
    }

    /** Milliseconds from launch_requested to agent_ready (NaN when not ready). */
    static double toReadyMs(List<PhaseMark> phases) {
        return offsetMs(phases, PhaseMark.AGENT_READY);
    }

    /** Milliseconds from the first phase (the launch request) to phase {@code name} (NaN when not reached). */
    public static double offsetMs(List<PhaseMark> phases, String name) {
        long launch = phases.get(0).nanos();
        return phases.stream().filter(p -> p.name().equals(name)).findFirst()
                .map(p -> (p.nanos() - launch) / 1e6).orElse(Double.NaN);
    }

    /** Nearest-rank percentile of the non-NaN values (NaN if none). */
    public static double percentile(List<Double> values, double pct) {
        List<Double> v = new ArrayList<>(values.stream().filter(d -> !d.isNaN()).sorted().toList());
        if (v.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(pct / 100.0 * v.size());
        return v.get(Math.max(0, Math.min(v.size() - 1, rank - 1)));
    }

    static String report(List<List<PhaseMark>> libvirt, List<List<PhaseMark>> direct) {
        StringBuilder out = new StringBuilder();
        List<Double> l = libvirt.stream().map(PhaseStats::toReadyMs).toList();
        List<Double> d = direct.stream().map(PhaseStats::toReadyMs).toList();
        double l50 = percentile(l, 50);
        double d50 = percentile(d, 50);
        out.append(String.format(Locale.ROOT, "%nboot to ready (ms)      p50        p90%n"));
        out.append(String.format(Locale.ROOT, "  libvirt (cvbench) %9.1f  %9.1f%n", l50, percentile(l, 90)));
        out.append(String.format(Locale.ROOT, "  qemu direct       %9.1f  %9.1f%n", d50, percentile(d, 90)));
        double ratio = l50 / d50;
        out.append(String.format(Locale.ROOT, "  ratio p50 libvirt/direct: %.3f (%+.1f%%; target within +10%%): %s%n",
                ratio, (ratio - 1) * 100, ratio <= 1.10 ? "MET" : "NOT MET"));
        out.append(String.format(Locale.ROOT, "%nphase (median ms since launch)   libvirt     direct%n"));
        Set<String> names = new LinkedHashSet<>();
        libvirt.forEach(run -> run.forEach(p -> names.add(p.name())));
        direct.forEach(run -> run.forEach(p -> names.add(p.name())));
        for (String name : names) {
            out.append(String.format(Locale.ROOT, "  %-28s %9.1f  %9.1f%n", name,
                    percentile(libvirt.stream().map(r -> offsetMs(r, name)).toList(), 50),
                    percentile(direct.stream().map(r -> offsetMs(r, name)).toList(), 50)));
        }
        return out.toString();
    }
}
