/*
 * cvinit: the last steps before execve, common to create and exec: rlimits, the executable
 * lookup (so "not found" is reported at create time, like runc), cwd, the bounding set, user
 * and groups, capabilities, no_new_privs, the READY_TO_EXEC/CREATED handshake and, for create,
 * the exec fifo that holds the process until `start`.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "cvinit.h"

extern int exec_fifo_fd;

static const char *env_get(struct config *c, const char *name) {
    size_t n = strlen(name);
    for (int i = 0; i < c->env_count; i++)
        if (!strncmp(c->env[i], name, n) && c->env[i][n] == '=') return c->env[i] + n + 1;
    return NULL;
}

static void resolve(struct config *c, char *out, size_t cap) {
    const char *cmd = c->args[0];
    if (strchr(cmd, '/')) {
        if (access(cmd, X_OK) < 0) cv_fail(errno, "executable %s", cmd);
        snprintf(out, cap, "%s", cmd);
        return;
    }
    const char *path = env_get(c, "PATH");
    if (!path) path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *save = NULL, *dir = strtok_r(buf, ":", &save); dir; dir = strtok_r(NULL, ":", &save)) {
        snprintf(out, cap, "%s/%s", dir, cmd);
        if (access(out, X_OK) == 0) return;
    }
    cv_fail(ENOENT, "executable file '%s' not found in $PATH", cmd);
}

static int last_cap(void) {
    FILE *f = fopen("/proc/sys/kernel/cap_last_cap", "re");
    int v = 40;
    if (f) { if (fscanf(f, "%d", &v) != 1) v = 40; fclose(f); }
    return v;
}

static void credentials(struct config *c) {
    cv_stage("capabilities");
    int last = last_cap();
    for (int cap = 0; cap <= last && cap < 64; cap++)
        if (!(c->cap_bounding & (1ULL << cap)) && prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0)
            cv_fail(errno, "drop capability %d from the bounding set", cap);
    cv_stage("user");
    if (prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) < 0) cv_fail(errno, "prctl(PR_SET_KEEPCAPS)");
    if (setgroups((size_t) c->group_count, c->groups) < 0) cv_fail(errno, "setgroups");
    if (setresgid(c->gid, c->gid, c->gid) < 0) cv_fail(errno, "setgid %u", c->gid);
    if (setresuid(c->uid, c->uid, c->uid) < 0) cv_fail(errno, "setuid %u", c->uid);
    if (prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0) < 0) cv_fail(errno, "prctl(PR_SET_KEEPCAPS, 0)");
    cv_stage("capabilities");
    struct __user_cap_header_struct hdr = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct data[2];
    struct __user_cap_data_struct have[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capget, &hdr, have) < 0) cv_fail(errno, "capget");
    /* A capability the runtime itself lacks (e.g. when it runs inside a container) cannot be
       granted: it is left out, as the kernel would refuse the whole capset otherwise. */
    for (int i = 0; i < 2; i++) {
        data[i].effective = (unsigned) (c->cap_effective >> (32 * i)) & have[i].permitted;
        data[i].permitted = (unsigned) (c->cap_permitted >> (32 * i)) & have[i].permitted;
        data[i].inheritable = (unsigned) (c->cap_inheritable >> (32 * i)) & have[i].permitted;
    }
    if (syscall(SYS_capset, &hdr, data) < 0) cv_fail(errno, "capset");
    for (int cap = 0; cap <= last && cap < 64; cap++)
        /* like runc: an ambient capability needs to be permitted and inheritable, else it is skipped */
        if ((c->cap_ambient & (1ULL << cap)) && (((unsigned long long) data[1].permitted << 32 | data[0].permitted) & (1ULL << cap))
            && (((unsigned long long) data[1].inheritable << 32 | data[0].inheritable) & (1ULL << cap)) && prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
            cv_fail(errno, "raise ambient capability %d", cap);
    if (c->no_new_privs) {
        cv_stage("no_new_privs");
        if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) cv_fail(errno, "prctl(PR_SET_NO_NEW_PRIVS)");
    }
}

void finish_and_exec(struct config *c, int sync_fd) {
    cv_stage("rlimits");
    for (int i = 0; i < c->rlimit_count; i++) {
        struct rlimit_entry *r = &c->rlimits[i];
        struct rlimit rl = {.rlim_cur = r->soft, .rlim_max = r->hard};
        if (setrlimit(r->resource, &rl) < 0) cv_fail(errno, "setrlimit(%d, %llu, %llu)", r->resource, r->soft, r->hard);
    }
    cv_stage("cwd");
    if (chdir(c->cwd) < 0) cv_fail(errno, "chdir to process.cwd %s", c->cwd);
    cv_stage("exec_lookup");
    char exe[4096];
    resolve(c, exe, sizeof exe);
    credentials(c);
    cv_stage("ready");
    cv_send(MSG_READY_TO_EXEC, NULL);
    cv_expect(MSG_CREATED);
    close(sync_fd);
    if (exec_fifo_fd >= 0) {
        char p[64];
        snprintf(p, sizeof p, "/proc/self/fd/%d", exec_fifo_fd);
        int fd = open(p, O_WRONLY | O_CLOEXEC); /* blocks until `start` opens the read end */
        if (fd < 0) { fprintf(stderr, "cvinit: open exec fifo: %s\n", strerror(errno)); _exit(EXIT_INIT_FAILED); }
        if (write(fd, "0", 1) != 1) { fprintf(stderr, "cvinit: write exec fifo: %s\n", strerror(errno)); _exit(EXIT_INIT_FAILED); }
        close(fd);
        close(exec_fifo_fd);
    }
    execve(exe, c->args, c->env);
    fprintf(stderr, "cvinit: exec %s: %s\n", exe, strerror(errno));
    _exit(127);
}
