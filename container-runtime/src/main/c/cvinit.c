/*
 * cvinit: the container init helper of cvbench (runc's "nsexec" idea).
 *
 * The JVM is multithreaded, so it can neither unshare() a mount namespace nor fork() into a new
 * pid namespace safely. Java prepares everything it can (cgroups, the rootfs, the network) and
 * execs this small static program, which does the namespace work and finally execve()s the
 * container's process. Java and cvinit talk over a UNIX stream socket (path in argv[1]) with a
 * line protocol: see PROTOCOL.md and the diagram below.
 *
 * Processes:
 *   stage 0 "cvinit:[0:PARENT]"  joins/creates every namespace but mnt and cgroup, forks stage 1,
 *                                then stays as a tiny monitor: it reaps stage 1, writes the exit
 *                                file and exits with the container's status (128+signal if killed).
 *   stage 1 "cvinit:[1:CHILD]"   PID 1 of the new pid namespace: cgroup ns, mount ns, rootfs,
 *                                pivot_root, /dev, masked and read-only paths, hostname, rlimits,
 *                                credentials, capabilities, no_new_privs, waits on the exec fifo
 *                                (create/start split), execve.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <linux/capability.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <net/if.h>

#include "cvinit.h"

#ifndef NS_GET_NSTYPE
#define NS_GET_NSTYPE 0xb703
#endif
#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif

static int sync_fd = -1;
static const char *current_stage = "start";

/* ---------------------------------------------------------------- errors and protocol I/O */

static void json_escape(char *out, size_t cap, const char *in) {
    size_t o = 0;
    for (; *in && o + 7 < cap; in++) {
        unsigned char c = (unsigned char) *in;
        if (c == '"' || c == '\\') { out[o++] = '\\'; out[o++] = (char) c; }
        else if (c < 0x20) { o += (size_t) snprintf(out + o, cap - o, "\\u%04x", c); }
        else out[o++] = (char) c;
    }
    out[o] = 0;
}

/* Sends "ERROR {json}" on the sync socket (or stderr when there is none) and exits. */
void cv_fail(int err, const char *fmt, ...) {
    char msg[1024], esc[2048], stage[128], line[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (err) {
        size_t n = strlen(msg);
        snprintf(msg + n, sizeof msg - n, ": %s", strerror(err));
    }
    json_escape(esc, sizeof esc, msg);
    json_escape(stage, sizeof stage, current_stage);
    int len = snprintf(line, sizeof line, "%s {\"stage\":\"%s\",\"errno\":%d,\"message\":\"%s\"}\n",
                       MSG_ERROR, stage, err, esc);
    int fd = sync_fd >= 0 ? sync_fd : 2;
    if (write(fd, line, (size_t) len) < 0) { /* nothing left to report to */ }
    _exit(EXIT_INIT_FAILED);
}

void cv_send(const char *type, const char *arg) {
    char line[256];
    int len = arg ? snprintf(line, sizeof line, "%s %s\n", type, arg) : snprintf(line, sizeof line, "%s\n", type);
    if (write(sync_fd, line, (size_t) len) != len) cv_fail(errno, "write %s to the sync socket", type);
}

/* Reads one line from fd into buf (no buffering beyond the line: both stages share the socket). */
static int read_line(int fd, char *buf, size_t cap) {
    size_t n = 0;
    while (n + 1 < cap) {
        ssize_t r = read(fd, buf + n, 1);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) cv_fail(errno, "read from the sync socket (timeout %ds)", SYNC_TIMEOUT_SECONDS);
        if (r == 0) { if (n == 0) return -1; break; }
        if (buf[n] == '\n') break;
        n++;
    }
    buf[n] = 0;
    return (int) n;
}

void cv_expect(const char *type) {
    char line[256];
    if (read_line(sync_fd, line, sizeof line) < 0) cv_fail(0, "runtime closed the sync socket while waiting for %s", type);
    if (strcmp(line, type) != 0) cv_fail(0, "expected %s from the runtime, got '%s'", type, line);
}

void cv_stage(const char *name) { current_stage = name; }

static void set_stage(const char *name, const char *proc_name) {
    current_stage = name;
    prctl(PR_SET_NAME, proc_name, 0, 0, 0);
}

/* ---------------------------------------------------------------- stage 0 */

static const struct { const char *name; int flag; } ns_types[] = {
    {"pid", CLONE_NEWPID}, {"net", CLONE_NEWNET}, {"ipc", CLONE_NEWIPC}, {"uts", CLONE_NEWUTS},
    {"mnt", CLONE_NEWNS}, {"cgroup", CLONE_NEWCGROUP},
};

int ns_flag(const char *name) {
    for (size_t i = 0; i < sizeof ns_types / sizeof ns_types[0]; i++)
        if (strcmp(ns_types[i].name, name) == 0) return ns_types[i].flag;
    return 0;
}

/* Opens a namespace file; refuses one whose namespace type is not `flag`. */
static int open_ns(const char *type, const char *path, int flag) {
    current_stage = "setns";
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) cv_fail(errno, "open %s namespace %s", type, path);
    int actual = ioctl(fd, NS_GET_NSTYPE);
    if (actual >= 0 && actual != flag) cv_fail(EINVAL, "%s is not a %s namespace", path, type);
    return fd;
}

/*
 * Stage 0 handles pid (for its child), net, ipc, uts; stage 1 cgroup (after the cgroup move) and
 * mnt (last). Every namespace file is opened before the first setns: after joining a mount
 * namespace, /proc/PID paths would resolve in the container's /proc.
 */
static void loopback_up(void);

static void enter_namespaces(struct config *c, int stage1) {
    int fds[8], unshare_flags = 0;
    for (int i = 0; i < c->ns_count; i++) {
        struct ns_entry *ns = &c->ns[i];
        int is_late = ns->flag == CLONE_NEWNS || ns->flag == CLONE_NEWCGROUP;
        fds[i] = -1;
        if (is_late != stage1) continue;
        if (ns->path[0]) fds[i] = open_ns(ns->type, ns->path, ns->flag);
        else unshare_flags |= ns->flag;
    }
    for (int pass = 0; pass < 2; pass++) { /* mnt last: it changes root and cwd */
        for (int i = 0; i < c->ns_count; i++) {
            if (fds[i] < 0 || (c->ns[i].flag == CLONE_NEWNS) != pass) continue;
            if (setns(fds[i], c->ns[i].flag) < 0) cv_fail(errno, "setns %s namespace %s", c->ns[i].type, c->ns[i].path);
            close(fds[i]);
        }
    }
    if (unshare_flags) {
        current_stage = "unshare";
        if (unshare(unshare_flags) < 0) cv_fail(errno, "unshare(0x%x)", unshare_flags);
        if (unshare_flags & CLONE_NEWNET) loopback_up();
    }
}

/*
 * A new network namespace starts with lo down: bring it up (runc does the same), so `--net none`
 * still has a working 127.0.0.1 and bridge containers need no loopback plugin call.
 */
static void loopback_up(void) {
    current_stage = "loopback";
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s < 0) cv_fail(errno, "socket for lo");
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    if (ioctl(s, SIOCGIFFLAGS, &ifr) < 0) cv_fail(errno, "SIOCGIFFLAGS lo");
    ifr.ifr_flags |= IFF_UP;
    if (ioctl(s, SIOCSIFFLAGS, &ifr) < 0) cv_fail(errno, "SIOCSIFFLAGS lo up");
    close(s);
}

static void write_exit_file(const char *path, int status) {
    if (!path[0]) return;
    char tmp[PATH_MAX + 8], buf[32];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return;
    int len = snprintf(buf, sizeof buf, "%d\n", status);
    if (write(fd, buf, (size_t) len) == len && fsync(fd) == 0) rename(tmp, path);
    close(fd);
}

/*
 * Stage 0 after the fork: a monitor. It kills the container if the runtime goes away while the
 * container is attached (foreground), reaps stage 1 and exits with its status.
 */
__attribute__((noreturn))
static void monitor(struct config *c, pid_t child) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    int watch_sock = c->foreground;
    int status = 0;
    for (;;) {
        pid_t r = waitpid(child, &status, WNOHANG);
        if (r == child) break;
        struct pollfd p[2] = {{.fd = sfd, .events = POLLIN}, {.fd = watch_sock ? sync_fd : -1, .events = POLLRDHUP}};
        if (poll(p, 2, -1) < 0 && errno != EINTR) break;
        if (p[0].revents & POLLIN) { struct signalfd_siginfo si; if (read(sfd, &si, sizeof si) < 0) { /* retry */ } }
        if (watch_sock && (p[1].revents & (POLLRDHUP | POLLHUP | POLLERR))) {
            kill(child, SIGKILL); /* attached runtime is gone: take the container down with it */
            watch_sock = 0;
        }
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    write_exit_file(c->exit_file, code);
    _exit(code);
}

/* ---------------------------------------------------------------- main */

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: cvinit SYNC_SOCKET_PATH (started by the cvbench runtime, not by hand)\n");
        return 2;
    }
    set_stage("connect", "cvinit:[0:PARENT]");
    sync_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sync_fd < 0) { sync_fd = -1; cv_fail(errno, "socket"); }
    struct sockaddr_un addr = {.sun_family = AF_UNIX};
    if (strlen(argv[1]) >= sizeof addr.sun_path) { int fd = sync_fd; sync_fd = -1; close(fd); cv_fail(ENAMETOOLONG, "socket path %s", argv[1]); }
    strcpy(addr.sun_path, argv[1]);
    if (connect(sync_fd, (struct sockaddr *) &addr, sizeof addr) < 0) { int e = errno; close(sync_fd); sync_fd = -1; cv_fail(e, "connect %s", argv[1]); }
    struct timeval tv = {.tv_sec = SYNC_TIMEOUT_SECONDS};
    setsockopt(sync_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);

    static struct config c;
    current_stage = "config";
    read_config(sync_fd, &c);

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGCHLD);
    sigprocmask(SIG_BLOCK, &mask, NULL); /* for the monitor's signalfd; unblocked again in stage 1 */

    /* 0622 whatever the umask: the container's user (maybe not root) opens it for writing */
    if (c.exec_fifo[0] && (mkfifo(c.exec_fifo, 0622) < 0 || chmod(c.exec_fifo, 0622) < 0))
        cv_fail(errno, "mkfifo %s", c.exec_fifo);
    if (!c.foreground && !c.mode_exec) setsid(); /* detached: survive the CLI's terminal session */
    enter_namespaces(&c, 0);

    int pidpipe[2];
    if (pipe2(pidpipe, O_CLOEXEC) < 0) cv_fail(errno, "pipe");
    current_stage = "fork";
    pid_t child = fork();
    if (child < 0) cv_fail(errno, "fork");
    if (child > 0) {
        char buf[32];
        int len = snprintf(buf, sizeof buf, "%d\n", child);
        if (write(pidpipe[1], buf, (size_t) len) != len) { kill(child, SIGKILL); cv_fail(errno, "write pid pipe"); }
        close(pidpipe[0]);
        close(pidpipe[1]);
        monitor(&c, child);
    }
    close(pidpipe[1]);
    sigprocmask(SIG_UNBLOCK, &mask, NULL);
    char host_pid[32];
    if (read_line(pidpipe[0], host_pid, sizeof host_pid) <= 0) cv_fail(EPIPE, "read own host pid");
    close(pidpipe[0]);
    set_stage("child", "cvinit:[1:CHILD]");
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) cv_fail(errno, "prctl(PR_SET_PDEATHSIG)");

    cv_send(MSG_READY_FOR_CGROUP, host_pid);
    cv_expect(MSG_CGROUP_DONE);
    cv_send(MSG_NETNS_READY, NULL);
    cv_expect(MSG_NETWORK_DONE);

    enter_namespaces(&c, 1);
    if (c.mode_exec) prepare_exec(&c);
    else prepare_container(&c);
    finish_and_exec(&c, sync_fd);
}
