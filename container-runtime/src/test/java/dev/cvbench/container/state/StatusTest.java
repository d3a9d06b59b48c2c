package dev.cvbench.container.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OCI lifecycle rules as a transition table. */
class StatusTest {
    @Test
    void onlyCreatedCanStart() {
        assertThat(Status.CREATED.canStart()).isTrue();
        assertThat(Status.RUNNING.canStart()).isFalse();
        assertThat(Status.STOPPED.canStart()).isFalse();
        assertThat(Status.CREATING.canStart()).isFalse();
    }

    @Test
    void createdAndRunningCanBeKilled() {
        assertThat(Status.CREATED.canKill()).isTrue();
        assertThat(Status.RUNNING.canKill()).isTrue();
        assertThat(Status.STOPPED.canKill()).isFalse();
    }

    @Test
    void deleteNeedsStoppedOrForce() {
        assertThat(Status.STOPPED.canDelete(false)).isTrue();
        assertThat(Status.RUNNING.canDelete(false)).isFalse();
        assertThat(Status.CREATED.canDelete(false)).isFalse();
        assertThat(Status.RUNNING.canDelete(true)).isTrue();
    }

    @Test
    void execNeedsRunning() {
        assertThat(Status.RUNNING.canExec()).isTrue();
        assertThat(Status.CREATED.canExec()).isFalse();
        assertThat(Status.RUNNING.ociName()).isEqualTo("running");
    }
}
