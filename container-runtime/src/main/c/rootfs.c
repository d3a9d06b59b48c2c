/*
 * cvinit: the container's filesystem view, built in stage 1 inside its new mount namespace.
 * Order follows runc: make "/" a slave, bind the rootfs onto itself, the config's mounts (proc,
 * /dev tmpfs, devpts, shm, mqueue, sysfs, binds, cgroup), default device nodes and /dev
 * symlinks, pivot_root(".", ".") and a lazy unmount of the old root, masked paths, read-only
 * paths, a read-only root, the hostname.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "cvinit.h"

int exec_fifo_fd = -1;

/* mkdir -p, mode 0755. */
static void mkdirs(const char *path) {
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s", path) >= (int) sizeof tmp) cv_fail(ENAMETOOLONG, "mkdir %s", path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(tmp, 0755) < 0 && errno != EEXIST) cv_fail(errno, "mkdir %s", tmp);
        *p = '/';
    }
    if (mkdir(tmp, 0755) < 0 && errno != EEXIST) cv_fail(errno, "mkdir %s", tmp);
}

static void touch(const char *path) {
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", path);
    char *slash = strrchr(parent, '/');
    if (slash && slash != parent) { *slash = 0; mkdirs(parent); }
    int fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0644);
    if (fd < 0 && errno != EEXIST) cv_fail(errno, "create mount point %s", path);
    if (fd >= 0) close(fd);
}

static void do_mount(const char *rootfs, struct mount_entry *m) {
    char dest[PATH_MAX];
    if (snprintf(dest, sizeof dest, "%s%s", rootfs, m->dst) >= (int) sizeof dest) cv_fail(ENAMETOOLONG, "mount %s", m->dst);
    int bind = (m->flags & MS_BIND) != 0;
    if (bind) {
        struct stat st;
        if (stat(m->src, &st) < 0) cv_fail(errno, "bind mount source %s", m->src);
        if (S_ISDIR(st.st_mode)) mkdirs(dest); else touch(dest);
    } else {
        mkdirs(dest);
    }
    unsigned long first = bind ? (m->flags & (MS_BIND | MS_REC)) : m->flags;
    const char *data = m->data[0] ? m->data : NULL;
    if (mount(m->src, dest, bind ? NULL : m->fstype, first, data) < 0)
        cv_fail(errno, "mount %s on %s (type %s)", m->src, m->dst, m->fstype);
    unsigned long extra = m->flags & ~(MS_BIND | MS_REC);
    if (bind && extra && mount(NULL, dest, NULL, extra | MS_BIND | MS_REMOUNT, NULL) < 0)
        cv_fail(errno, "remount %s with flags 0x%lx", m->dst, extra);
    if (m->propagation && mount(NULL, dest, NULL, m->propagation, NULL) < 0)
        cv_fail(errno, "set propagation of %s", m->dst);
}

static void default_devices(const char *rootfs) {
    static const struct { const char *name; unsigned maj, min; } devs[] = {
        {"null", 1, 3}, {"zero", 1, 5}, {"full", 1, 7}, {"random", 1, 8}, {"urandom", 1, 9}, {"tty", 5, 0},
    };
    static const struct { const char *name, *target; } links[] = {
        {"fd", "/proc/self/fd"}, {"stdin", "/proc/self/fd/0"}, {"stdout", "/proc/self/fd/1"},
        {"stderr", "/proc/self/fd/2"}, {"ptmx", "pts/ptmx"}, {"core", "/proc/kcore"},
    };
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/dev", rootfs);
    mkdirs(path);
    mode_t old = umask(0);
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) {
        snprintf(path, sizeof path, "%s/dev/%s", rootfs, devs[i].name);
        unlink(path);
        if (mknod(path, S_IFCHR | 0666, makedev(devs[i].maj, devs[i].min)) < 0) cv_fail(errno, "mknod /dev/%s", devs[i].name);
    }
    umask(old);
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        snprintf(path, sizeof path, "%s/dev/%s", rootfs, links[i].name);
        if (symlink(links[i].target, path) < 0 && errno != EEXIST) cv_fail(errno, "symlink /dev/%s", links[i].name);
    }
}

static void pivot(const char *rootfs) {
    cv_stage("pivot_root");
    int oldroot = open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (oldroot < 0) cv_fail(errno, "open /");
    int newroot = open(rootfs, O_DIRECTORY | O_RDONLY | O_CLOEXEC);
    if (newroot < 0) cv_fail(errno, "open rootfs %s", rootfs);
    if (fchdir(newroot) < 0) cv_fail(errno, "chdir %s", rootfs);
    if (syscall(SYS_pivot_root, ".", ".") < 0) cv_fail(errno, "pivot_root %s", rootfs);
    if (fchdir(oldroot) < 0) cv_fail(errno, "fchdir old root");
    if (mount(NULL, ".", NULL, MS_SLAVE | MS_REC, NULL) < 0) cv_fail(errno, "make old root rslave");
    if (umount2(".", MNT_DETACH) < 0) cv_fail(errno, "unmount old root");
    if (chdir("/") < 0) cv_fail(errno, "chdir /");
    close(oldroot);
    close(newroot);
}

static void mask_paths(struct config *c) {
    cv_stage("masked_paths");
    for (int i = 0; i < c->masked_count; i++) {
        struct stat st;
        const char *p = c->masked[i];
        if (stat(p, &st) < 0) { if (errno == ENOENT) continue; cv_fail(errno, "stat masked path %s", p); }
        int r = S_ISDIR(st.st_mode) ? mount("tmpfs", p, "tmpfs", MS_RDONLY, "size=0")
                                    : mount("/dev/null", p, NULL, MS_BIND, NULL);
        if (r < 0) cv_fail(errno, "mask %s", p);
    }
    cv_stage("readonly_paths");
    for (int i = 0; i < c->readonly_count; i++) {
        const char *p = c->readonly[i];
        if (mount(p, p, NULL, MS_BIND | MS_REC, NULL) < 0) { if (errno == ENOENT) continue; cv_fail(errno, "bind %s", p); }
        if (mount(NULL, p, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY | MS_REC, NULL) < 0) cv_fail(errno, "remount %s read-only", p);
    }
}

void prepare_container(struct config *c) {
    cv_stage("rootfs");
    if (mount(NULL, "/", NULL, MS_SLAVE | MS_REC, NULL) < 0) cv_fail(errno, "make / rslave");
    if (mount(c->rootfs, c->rootfs, NULL, MS_BIND | MS_REC, NULL) < 0) cv_fail(errno, "bind rootfs %s", c->rootfs);
    cv_stage("mounts");
    for (int i = 0; i < c->mount_count; i++) do_mount(c->rootfs, &c->mounts[i]);
    if (c->devices) { cv_stage("devices"); default_devices(c->rootfs); }
    if (c->exec_fifo[0]) {
        cv_stage("exec_fifo");
        exec_fifo_fd = open(c->exec_fifo, O_PATH | O_CLOEXEC);
        if (exec_fifo_fd < 0) cv_fail(errno, "open exec fifo %s", c->exec_fifo);
    }
    pivot(c->rootfs);
    mask_paths(c);
    if (c->rootfs_readonly) {
        cv_stage("readonly_rootfs");
        if (mount(NULL, "/", NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) < 0) cv_fail(errno, "remount / read-only");
    }
    if (c->hostname) {
        cv_stage("hostname");
        if (sethostname(c->hostname, strlen(c->hostname)) < 0) cv_fail(errno, "sethostname %s", c->hostname);
    }
}

void prepare_exec(struct config *c) {
    (void) c; /* setns(mnt) already moved root and cwd into the container */
}
