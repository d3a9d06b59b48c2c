package dev.cvbench.core.result;

/**
 * One raw value in a result file.
 *
 * @param repetition 0-based repetition (one instance launch) it came from
 * @param iteration 0-based inner iteration within that repetition
 * @param value the number, in the series' unit
 */
public record Sample(int repetition, int iteration, double value) {}
