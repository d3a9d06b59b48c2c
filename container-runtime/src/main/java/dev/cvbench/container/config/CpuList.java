package dev.cvbench.container.config;

import java.util.ArrayList;
import java.util.List;

/** The kernel's cpu-list syntax ({@code 0-2,5}), used by cpuset.cpus and cpuset.mems. */
public final class CpuList {
    private CpuList() {}

    /** @throws IllegalArgumentException with the reason when the list is malformed */
    public static List<Integer> parse(String list) {
        List<Integer> out = new ArrayList<>();
        if (list.isBlank()) {
            throw new IllegalArgumentException("empty list");
        }
        for (String part : list.split(",")) {
            String[] range = part.trim().split("-", -1);
            try {
                int lo = Integer.parseInt(range[0]);
                int hi = range.length == 2 ? Integer.parseInt(range[1]) : lo;
                if (range.length > 2 || lo < 0 || hi < lo) {
                    throw new IllegalArgumentException("bad range '" + part + "'");
                }
                for (int i = lo; i <= hi; i++) {
                    out.add(i);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad range '" + part + "'", e);
            }
        }
        return out;
    }
}
